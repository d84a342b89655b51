// The HTTP server: Boost.Beast sessions on a few I/O threads running one
// io_context, and a pool of worker threads for handlers that may block.
// The session owns the socket, the timeout before every read and write, the
// body limit and keep-alive; the handler turns a Request into a Response and
// never touches a socket. SIGINT/SIGTERM stop accepting, let requests in
// flight finish, and return.
#pragma once

#include <functional>
#include <string>

#include "common/status.h"
#include "http/message.h"

namespace trm::http {

struct Handler {
  std::function<Response(Request&)> handle;
  // True for a request whose handling never waits for the writer (a read that
  // hands its audit row over and holds its answer with send_when): it runs on
  // the I/O thread that read it. Every other request runs on a worker thread,
  // where waiting for a commit blocks no socket. Unset: all run on workers.
  std::function<bool(const Request&)> runs_inline;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  int port = 8080;
  // Threads that read and write sockets and run the inline handlers: about
  // one per core, so that they rarely wait for each other.
  int io_threads = 2;
  // Threads for the other handlers. They block while their use case commits,
  // and group commit can only batch what is waiting, so there are many more of
  // them than cores.
  int threads = 32;
  size_t body_limit = 1 << 20;  // bytes; larger bodies get 413
  int read_timeout_s = 30;      // whole request, headers and body
  int write_timeout_s = 30;
  // Called once the socket listens (e.g. to print the address).
  std::function<void(int port)> on_listening;
};

// Serves until SIGINT or SIGTERM. Returns Unavailable when the port cannot be
// bound.
Status Serve(const ServerOptions& options, Handler handler);

}  // namespace trm::http
