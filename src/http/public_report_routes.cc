#include "http/public_report_routes.h"

#include <memory>

#include "http/api_util.h"

namespace trm::http {
namespace {

Result<service::PublicReport> PublicReportFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"what_happened", "location", "location_country", "who_is_at_risk",
                              "people_count", "children", "urgency", "language", "contact"}));
  service::PublicReport p;
  ASSIGN_OR_RETURN(p.what_happened, r.RequiredString("what_happened"));
  ASSIGN_OR_RETURN(p.location, r.String("location"));
  ASSIGN_OR_RETURN(p.location_country, r.String("location_country"));
  ASSIGN_OR_RETURN(p.who_is_at_risk, r.String("who_is_at_risk"));
  ASSIGN_OR_RETURN(auto count, r.OptInt("people_count"));
  if (count && (*count < 1 || *count > 10000))
    return Status::InvalidArgument("the number of people must be between 1 and 10000",
                                   "people_count");
  if (count) p.people_count = static_cast<int>(*count);
  ASSIGN_OR_RETURN(p.children, r.Bool("children"));
  ASSIGN_OR_RETURN(std::string urgency, r.RequiredString("urgency"));
  auto u = domain::ParseUrgency(urgency);
  if (!u)
    return Status::InvalidArgument("urgency must be immediate_danger, urgent or routine", "urgency");
  p.urgency = *u;
  ASSIGN_OR_RETURN(p.language, r.String("language"));
  if (r.Has("contact") && !r.IsNull("contact")) {
    if (!r.At("contact").is_object())
      return Status::InvalidArgument("contact must be an object", "contact");
    ObjectReader c(r.At("contact"), "contact");
    RETURN_IF_ERROR(c.OnlyKeys({"name", "details"}));
    ASSIGN_OR_RETURN(p.contact_name, c.String("name"));
    ASSIGN_OR_RETURN(p.contact_details, c.String("details"));
  }
  return p;
}

}  // namespace

void AddPublicReportRoutes(Router& router, service::App& app, const PublicReportOptions& options) {
  // Shared by every thread serving requests; the limiter locks itself.
  auto limiter = std::make_shared<RateLimiter>(app.clock(), options.limits);
  router.Add("POST", "/api/v1/public/reports",
             [&app, limiter, org = options.intake_org](Request& req, const Params&) {
               if (!org)
                 return ErrorResponse(Status::Unavailable(
                     "public reporting is not set up on this server; please call the hotline"));
               // Counted before the body is read, so malformed floods are
               // limited too. One allowance per address: behind a shared NAT a
               // few people share it, which the form's wording allows for.
               RateLimiter::Decision d = limiter->Take(req.remote_ip);
               if (!d.allowed) {
                 Response res = ErrorResponse(Status::ResourceExhausted(
                     "too many reports have been sent from here; please try again later or "
                     "call the hotline"));
                 res.Set("Retry-After", std::to_string(d.retry_after_s));
                 return res;
               }
               auto body = ParseJsonObject(req);
               if (!body.ok()) return ErrorResponse(body.status());
               auto input = PublicReportFromJson(*body);
               if (!input.ok()) return ErrorResponse(input.status());
               auto stored = app.intake().TakePublicReport(*org, *input);
               if (!stored.ok()) return ErrorResponse(stored.status());
               // The receipt, not the id: ids are sequential and would tell
               // anyone how many reports the hotline receives.
               return Json(201, {{"receipt", stored->receipt},
                                 {"received_at", FormatTime(stored->received_at)}});
             });
}

}  // namespace trm::http
