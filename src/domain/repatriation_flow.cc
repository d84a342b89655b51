#include "domain/repatriation_flow.h"

#include "domain/enum_table.h"

namespace trm::domain {
namespace {

constexpr EnumTable<RepatriationSide, 3> kSides{{
    {RepatriationSide::kDestination, "destination"},
    {RepatriationSide::kOrigin, "origin"},
    {RepatriationSide::kBoth, "both"},
}};

}  // namespace

std::string_view Name(RepatriationSide s) { return EnumName(kSides, s); }
std::optional<RepatriationSide> ParseRepatriationSide(std::string_view s) { return EnumParse(kSides, s); }

const FlowStep* RepatriationFlow::FindStep(std::string_view code) const {
  for (const FlowStep& s : steps)
    if (s.code == code) return &s;
  return nullptr;
}

const RepatriationFlow* FindFlow(const std::vector<RepatriationFlow>& flows, std::string_view destination,
                                 std::string_view origin) {
  for (const RepatriationFlow& f : flows)
    if (f.destination == destination && f.origin == origin) return &f;
  return nullptr;
}

const RepatriationFlow* FindFlowById(const std::vector<RepatriationFlow>& flows, std::string_view id) {
  for (const RepatriationFlow& f : flows)
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace trm::domain
