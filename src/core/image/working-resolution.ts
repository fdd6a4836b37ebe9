// The long side photos are analysed at. Blur that matters to a person is visible at this
// size: a 12 MP (4032 px) photo shrinks 2.5x, so a defocus radius of ~2 px here is ~5 px in
// the original. Squeezing further (e.g. 200x200) erases the evidence; going larger costs time
// for little gain. Chosen by measurement: see README "Working resolution".
export const WORKING_MAX_SIDE = 1600;
