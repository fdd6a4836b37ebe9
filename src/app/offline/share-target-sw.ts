/// <reference lib="webworker" />
// Photos shared into the installed app arrive as a POST; the page cannot read that request,
// so the worker parks the files in a cache and redirects to the page, which picks them up.
export const SHARE_CACHE = 'shared-photos';

export async function receiveSharedPhotos(request: Request): Promise<Response> {
  const form = await request.formData();
  const files = form.getAll('photos').filter((f): f is File => f instanceof File);
  const cache = await caches.open(SHARE_CACHE);
  await Promise.all(
    files.map((file, i) =>
      cache.put(
        `/shared/${Date.now()}-${i}`,
        new Response(file, {
          headers: {
            'Content-Type': file.type || 'application/octet-stream',
            'X-File-Name': encodeURIComponent(file.name),
            'X-Last-Modified': String(file.lastModified),
          },
        }),
      ),
    ),
  );
  return Response.redirect('/?shared=1', 303);
}
