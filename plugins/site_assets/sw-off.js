// The service worker is turned off (SERVICE_WORKER = False): this one removes
// itself and every cache the site made, for readers who had an earlier one.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("closer-")).map((n) => caches.delete(n))))
      .then(() => self.registration.unregister()),
  );
});
