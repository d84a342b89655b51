// The crypto layer: everything secret goes through libsodium, here.
//
// Thread-safe: all functions may be called from any thread after Init().
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::crypto {

// Initialises libsodium. Safe to call more than once. Returns Internal if the
// library cannot start (no entropy source).
Status Init();

// `n` random bytes from the OS CSPRNG.
std::string RandomBytes(size_t n);
std::array<uint8_t, 8> Random8();

// A fresh session token: 32 random bytes, URL-safe base64 without padding.
std::string NewToken();

// SHA-256 of `data`, as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view data);

std::string ToHex(std::string_view bytes);

// Password cost: kInteractive for sign-in (about 64 MiB, fast enough for a
// login form); kTest only for unit tests.
enum class PasswordCost { kInteractive, kTest };

// argon2id hash in libsodium's self-describing string form.
Result<std::string> HashPassword(std::string_view password,
                                 PasswordCost cost = PasswordCost::kInteractive);
// True when `password` matches `hash`. Constant-time in the password.
bool VerifyPassword(std::string_view hash, std::string_view password);

// Compares two byte strings in constant time (false when lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace trm::crypto
