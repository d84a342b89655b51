#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <iostream>
#include <thread>
#include <vector>

#include "http/errors.h"

namespace trm::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

Request ToRequest(const bhttp::request<bhttp::string_body>& req, const std::string& ip) {
  Request r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  for (const auto& f : req) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    r.headers[name] = std::string(f.value());
  }
  r.body = req.body();
  r.remote_ip = ip;
  return r;
}

bhttp::response<bhttp::string_body> FromResponse(Response&& res, unsigned version,
                                                 bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "OpenTRM");
  for (auto& [k, v] : res.headers) out.set(k, v);
  out.body() = std::move(res.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

asio::awaitable<void> Session(tcp::socket socket, const ServerOptions& opts,
                              const Handler& handler) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  std::string ip;
  {
    auto ep = stream.socket().remote_endpoint(ec);
    ip = ec ? "unknown" : ep.address().to_string();
  }
  while (true) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(opts.body_limit);
    parser.header_limit(16 * 1024);
    stream.expires_after(std::chrono::seconds(opts.read_timeout_s));
    co_await bhttp::async_read(stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset)
      break;
    Response res;
    bool keep_alive = false;
    unsigned version = 11;
    if (ec == bhttp::error::body_limit) {
      res = ErrorResponse(413, "payload_too_large",
                          "the request body is larger than " +
                              std::to_string(opts.body_limit) + " bytes");
    } else if (ec) {
      res = ErrorResponse(400, "invalid_argument", "malformed HTTP request");
    } else {
      auto& req = parser.get();
      version = req.version();
      keep_alive = req.keep_alive();
      Request r = ToRequest(req, ip);
      try {
        res = handler(r);
      } catch (const std::exception& e) {
        // A bug, not an expected failure: log it and answer 500 without details.
        std::cerr << "trm: internal error handling " << r.method << " " << r.path << ": "
                  << e.what() << "\n";
        res = ErrorResponse(500, "internal", "internal error");
      }
    }
    if (ec) {  // answered before routing
      AddSecurityHeaders(res);
      res.Set("Cache-Control", "no-store");
    }
    auto out = FromResponse(std::move(res), version, keep_alive);
    stream.expires_after(std::chrono::seconds(opts.write_timeout_s));
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> Listen(tcp::acceptor& acceptor, const ServerOptions& opts,
                             const Handler& handler) {
  auto ex = co_await asio::this_coro::executor;
  while (true) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) continue;
    asio::co_spawn(ex, Session(std::move(socket), opts, handler), asio::detached);
  }
}

}  // namespace

Status Serve(const ServerOptions& opts, Handler handler) {
  asio::io_context ioc(opts.threads);
  tcp::acceptor acceptor(ioc);
  beast::error_code ec;
  auto address = asio::ip::make_address(opts.address, ec);
  if (ec) return Status::InvalidArgument("bad listen address " + opts.address);
  tcp::endpoint ep(address, static_cast<unsigned short>(opts.port));
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::Unavailable("cannot listen on " + opts.address + ":" +
                                     std::to_string(opts.port) + ": " + ec.message());
  if (opts.on_listening) opts.on_listening(acceptor.local_endpoint().port());

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code&, int) {
    // Stop accepting; sessions finish their current request, then the
    // io_context runs out of work once idle keep-alive reads time out, so stop
    // it after a short grace period.
    acceptor.close();
    auto timer = std::make_shared<asio::steady_timer>(ioc, std::chrono::milliseconds(500));
    timer->async_wait([&ioc, timer](const beast::error_code&) { ioc.stop(); });
  });

  asio::co_spawn(ioc, Listen(acceptor, opts, handler), asio::detached);
  std::vector<std::thread> workers;
  for (int i = 1; i < opts.threads; ++i) workers.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : workers) t.join();
  return Status::Ok();
}

}  // namespace trm::http
