// A human decision on a possible duplicate: two cases describe the same person,
// or they do not. The matching engine proposes; people decide, and the
// engine respects the decision (a pair ruled different is not proposed again;
// a pair confirmed the same is shown as linked).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/records.h"

namespace trm::domain {

enum class LinkDecision { kSame, kDifferent };

struct PersonLink {
  Id id = 0;
  Id case_a = 0;  // the lower case id
  Id case_b = 0;
  LinkDecision decision = LinkDecision::kSame;
  int probability_bp = 0;  // the engine's probability when decided, 0..10000
  std::string note;        // why (sealed at rest)
  Stamp stamp;
};

// Notes are free text up to this many bytes.
inline constexpr size_t kMaxLinkNoteBytes = 2000;

std::string_view Name(LinkDecision d);
std::optional<LinkDecision> ParseLinkDecision(std::string_view s);

// InvalidArgument naming the field: a case linked to itself, a note too long.
Status ValidateLink(Id case_id, Id other_case_id, const std::string& note);

// The other case of a link seen from `case_id`.
inline Id OtherCase(const PersonLink& l, Id case_id) { return l.case_a == case_id ? l.case_b : l.case_a; }

}  // namespace trm::domain
