// Human-friendly case references such as "C-7KQ2-M9XD": random, so that they
// reveal nothing about the person, the organisation or the order of intake.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace trm::domain {

// Builds a reference from 8 random bytes using Crockford base32 (no I, L, O, U
// to avoid misreading when spoken over a phone line).
std::string MakeCaseReference(const std::array<uint8_t, 8>& random);

// True for a well-formed reference.
bool IsCaseReference(const std::string& s);

}  // namespace trm::domain
