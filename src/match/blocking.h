// Blocking: which pairs of records are worth scoring.
//
// A blocking rule maps a record to zero or more keys; two records become a
// candidate pair when they share a key under any rule. Keys are 64-bit hashes
// tagged with their rule, so keys of different rules never collide by design.
// Rules are listed once, here; prediction uses several (any one suffices),
// training uses one at a time (see training.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "match/prepared_record.h"

namespace trm::match {

enum class BlockingRule : uint8_t {
  kDocument,        // same document number
  kPhone,           // same phone number (last 9 digits)
  kTokenYear,       // a name token's phonetic key and the birth year (+-1 when approximate)
  kTokenPair,       // two name tokens' phonetic keys (any order)
  kJoinedName,      // phonetic key of the name written as one word (both orders for 2 tokens)
  kBirthDate,       // same full birth date
  kBirthDatePlace,  // same full birth date and place
  kNameBag,         // same romanised name tokens (any order)
};

std::string_view RuleName(BlockingRule rule);

// The rules used to find candidate pairs for scoring.
const std::vector<BlockingRule>& PredictionRules();

// Appends the keys of `record` under `rule` to `out`, sorted and without
// duplicates among the appended ones. Records lacking the rule's fields get none.
void AppendBlockingKeys(BlockingRule rule, const PreparedRecord& record,
                        std::vector<uint64_t>* out);

}  // namespace trm::match
