// JSON for family tracing requests, their candidates and the officer's
// decisions (see docs/api/openapi.yaml, tag "tracing").
#pragma once

#include "http/json_body.h"
#include "service/tracing_service.h"

namespace trm::http {

// {searcher: {name, relationship, contact}, sought: {person, last_known_place,
// remembers}, officer_id?}, read strictly.
Result<service::NewTracingRequest> NewTracingRequestFromJson(const json& body);
// {version, officer_id?, status?: "closed", outcome?}: closing needs an outcome.
// FailedPrecondition for status "open" (a request is never reopened).
Result<service::TracingChange> TracingChangeFromJson(const json& body);
// {decision, note?} from a body whose keys the caller has checked.
Result<service::CandidateDecisionInput> CandidateDecisionFromJson(const ObjectReader& r);

json TracingRequestToJson(const service::TracingRequestView& v);
json TracingCandidateToJson(const service::TracingCandidate& c);
json CandidateDecisionToJson(const service::CandidateDecisionView& v);

}  // namespace trm::http
