// The HTTP server: Boost.Beast sessions on N threads running one io_context.
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

using Handler = std::function<Response(Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  int port = 8080;
  // Handlers block while their use case commits, and group commit can only
  // batch what is waiting, so the server runs many more threads than cores.
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
