// A sliding-window rate limiter for the one write the public may make without
// signing in (the public report form): at most `per_key` requests from one
// client address, and at most `total` from everyone together, in any window
// of `window_ms`. Thread-safe; time comes from a Clock so tests can move it.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"

namespace trm::http {

struct RateLimits {
  int per_key = 5;
  int total = 200;
  Millis window_ms = 10 * 60 * 1000;
};

class RateLimiter {
 public:
  struct Decision {
    bool allowed = true;
    int retry_after_s = 0;  // when refused: seconds until a request would be allowed
  };

  // REQUIRES: `clock` outlives the limiter.
  RateLimiter(const Clock& clock, RateLimits limits) : clock_(clock), limits_(limits) {}

  // Counts one request from `key` when allowed; a refused request is not
  // counted, so a client that waits Retry-After seconds gets through.
  Decision Take(const std::string& key);

  size_t TEST_KeyCount() {
    std::lock_guard<std::mutex> lock(mu_);
    return keys_.size();
  }

 private:
  // Drops hits older than the window from `hits`.
  void Expire(std::deque<Millis>& hits, Millis now) const;
  int RetryAfter(const std::deque<Millis>& hits, Millis now) const;

  const Clock& clock_;
  const RateLimits limits_;
  std::mutex mu_;
  std::deque<Millis> all_;                                    // GUARDED_BY(mu_)
  std::unordered_map<std::string, std::deque<Millis>> keys_;  // GUARDED_BY(mu_)
};

}  // namespace trm::http
