#include "domain/person_link.h"

namespace trm::domain {

std::string_view Name(LinkDecision d) { return d == LinkDecision::kSame ? "same" : "different"; }

std::optional<LinkDecision> ParseLinkDecision(std::string_view s) {
  if (s == "same") return LinkDecision::kSame;
  if (s == "different") return LinkDecision::kDifferent;
  return std::nullopt;
}

Status ValidateLink(Id case_id, Id other_case_id, const std::string& note) {
  if (case_id == other_case_id)
    return Status::InvalidArgument("a case cannot be linked to itself", "other_case_id");
  if (note.size() > kMaxLinkNoteBytes)
    return Status::InvalidArgument("note is longer than " + std::to_string(kMaxLinkNoteBytes) + " bytes",
                                   "note");
  return Status::Ok();
}

}  // namespace trm::domain
