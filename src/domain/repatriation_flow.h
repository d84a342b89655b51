// Repatriation flows: the agreed steps that bring a person home from the
// country where they are now (the destination of their trafficking) to their
// country of origin, one flow per pair of countries. Flows are data, not code
// (data/repatriation/*.txt, format in repatriation_flow_loader.h), so a network
// adds a pair of countries or changes a step without a release.
//
// Each step says which side is responsible for it (the destination country's
// organisation, the origin country's, or both), how many days it is expected
// to take, the documents it needs, its title in the network's languages, and
// the steps it waits for. Values only; a loaded flow is immutable and safe to
// share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/indicator_set.h"

namespace trm::domain {

// Who is responsible for a step: the organisation in the destination country
// (where the person is now), the one in the country of origin, or either.
enum class RepatriationSide { kDestination, kOrigin, kBoth };
std::string_view Name(RepatriationSide s);  // "destination", "origin", "both"
std::optional<RepatriationSide> ParseRepatriationSide(std::string_view s);

// A document a step needs, e.g. "travel-document | Travel document".
struct FlowDocument {
  std::string id;
  Label label;
};

struct FlowStep {
  std::string code;  // unique within the flow: "nationality-verification"
  RepatriationSide side = RepatriationSide::kDestination;
  int expected_days = 1;
  Label title;
  // Codes of earlier steps that must be done (or skipped) before this one is;
  // by default the step just before it, none for the first.
  std::vector<std::string> after;
  std::vector<FlowDocument> documents;
  // The handover at the border or airport: completing it records who handed
  // the person over to whom. Exactly one step of a flow has it.
  bool records_handover = false;
};

struct RepatriationFlow {
  std::string id;           // "th-kh"
  std::string destination;  // ISO 3166-1 alpha-2: where the person is now, "TH"
  std::string origin;       // the person's country, "KH"
  Label title;
  std::string source;                  // the agreement it follows, as written
  std::vector<std::string> notes;
  std::vector<std::string> languages;  // labels every title has; "en" first
  std::vector<FlowStep> steps;         // in order

  const FlowStep* FindStep(std::string_view code) const;  // nullptr when absent
};

// The flow from `destination` to `origin`, or nullptr when the network has none.
const RepatriationFlow* FindFlow(const std::vector<RepatriationFlow>& flows,
                                 std::string_view destination, std::string_view origin);
const RepatriationFlow* FindFlowById(const std::vector<RepatriationFlow>& flows, std::string_view id);

}  // namespace trm::domain
