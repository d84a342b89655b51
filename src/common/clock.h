// Time. Use cases read time from a Clock so that tests can move it (expiry,
// lockout) without sleeping.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace trm {

using Millis = int64_t;  // milliseconds since the Unix epoch, UTC

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis Now() const override;
};

// Thread-safe manual clock for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Millis start) : now_(start) {}
  Millis Now() const override { return now_.load(); }
  void Advance(Millis ms) { now_ += ms; }

 private:
  std::atomic<Millis> now_;
};

// "2026-11-22T13:05:09Z" (seconds precision, UTC).
std::string FormatTime(Millis t);
// "2026-11-22" (UTC).
std::string FormatDate(Millis t);
// Midnight UTC at the start of "YYYY-MM-DD". REQUIRES: a valid date.
Millis DateStart(const std::string& date);

}  // namespace trm
