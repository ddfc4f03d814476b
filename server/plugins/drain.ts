/**
 * Draining on close. `app.close()` stops accepting connections and waits for the open ones; a keep-alive
 * connection whose request was in flight when closing began would stay open until its idle timeout
 * (72 s by default). Answering that request with `Connection: close` lets the client hang up as soon as it
 * has its answer, so SIGTERM finishes when the last in-flight request does.
 */
import { sharedPlugin } from './plugin.js';

/** Marks every response sent after closing began with `Connection: close`. */
export const drainPlugin = sharedPlugin('shenpi-drain', async (app) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    if (closing && request.raw.httpVersionMajor < 2) reply.header('connection', 'close');
  });
});
