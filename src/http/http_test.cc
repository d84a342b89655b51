#include <gtest/gtest.h>

#include "http/codecs.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/message.h"
#include "http/router.h"

namespace trm::http {
namespace {

TEST(Router, MatchesParamsAndTellsWrongMethodFromNoPath) {
  Router r;
  r.Add("GET", "/api/v1/cases/{id}", [](Request&, const Params&) { return Response{}; });
  Request req;
  req.method = "GET";
  req.path = "/api/v1/cases/42";
  Params p;
  const RouteHandler* h = nullptr;
  EXPECT_EQ(r.Find(req, &p, &h), Router::Match::kFound);
  EXPECT_EQ(p.at("id"), "42");
  req.method = "DELETE";
  EXPECT_EQ(r.Find(req, &p, &h), Router::Match::kWrongMethod);
  req.path = "/api/v1/cases/42/x";
  EXPECT_EQ(r.Find(req, &p, &h), Router::Match::kNoPath);
}

TEST(Router, TellsWhichRoutesRunInline) {
  Router r;
  r.Add("GET", "/api/v1/cases/{id}", [](Request&, const Params&) { return Response{}; },
        /*runs_inline=*/true);
  r.Add("PATCH", "/api/v1/cases/{id}", [](Request&, const Params&) { return Response{}; });
  EXPECT_TRUE(r.RunsInline("GET", "/api/v1/cases/7"));
  EXPECT_FALSE(r.RunsInline("PATCH", "/api/v1/cases/7"));  // waits for the writer
  EXPECT_FALSE(r.RunsInline("DELETE", "/api/v1/cases/7"));  // no such route
  EXPECT_FALSE(r.RunsInline("GET", "/api/v1/cases/7/x"));
}

TEST(Query, DecodesAndRejectsBrokenEscapes) {
  std::map<std::string, std::string> q;
  ASSERT_TRUE(ParseQuery("status=open&name=%E0%B8%AA+x&empty=", &q));
  EXPECT_EQ(q["status"], "open");
  EXPECT_EQ(q["name"], "ส x");
  EXPECT_EQ(q["empty"], "");
  std::map<std::string, std::string> bad;
  EXPECT_FALSE(ParseQuery("a=%zz", &bad));
  EXPECT_FALSE(ParseQuery("a=%e", &bad));
  EXPECT_FALSE(ParseQuery("a=%ff", &bad)) << "invalid UTF-8 after decoding";
}

TEST(Cookies, FindsTheNamedCookie) {
  Request req;
  req.headers["cookie"] = "theme=dark; trm_session=abc123; other=1";
  EXPECT_EQ(req.Cookie("trm_session"), "abc123");
  EXPECT_EQ(req.Cookie("missing"), "");
}

Request JsonRequest(std::string body) {
  Request r;
  r.headers["content-type"] = "application/json";
  r.body = std::move(body);
  return r;
}

TEST(JsonBody, RequiresAWellFormedObject) {
  EXPECT_TRUE(ParseJsonObject(JsonRequest(R"({"a":1})")).ok());
  EXPECT_FALSE(ParseJsonObject(JsonRequest("[1]")).ok());
  EXPECT_FALSE(ParseJsonObject(JsonRequest("{")).ok());
  EXPECT_FALSE(ParseJsonObject(JsonRequest("{\"a\":\"\xff\"}")).ok());
  Request text = JsonRequest("{}");
  text.headers["content-type"] = "text/plain";
  EXPECT_FALSE(ParseJsonObject(text).ok());
}

TEST(PersonJson, ReadsStrictlyAndNamesTheField) {
  auto ok = PersonFromJson(json::parse(R"({"first_name":"สมศรี","gender":"Feminine",
      "citizenship":["TH"],"languages":["th"],"approximate_age":30})"), "person");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->first_name, "สมศรี");
  EXPECT_EQ(ok->approximate_age, 30);
  struct Bad {
    const char* body;
    const char* field;
  };
  for (const Bad& b : {Bad{R"({"first_name":1})", "person.first_name"},
                       Bad{R"({"nick":"x"})", "person.nick"},
                       Bad{R"({"gender":"F"})", "person.gender"},
                       Bad{R"({"citizenship":"TH"})", "person.citizenship"},
                       Bad{R"({"citizenship":[1]})", "person.citizenship"},
                       Bad{R"({"approximate_age":1.5})", "person.approximate_age"},
                       Bad{R"({"approximate_age":"30"})", "person.approximate_age"},
                       Bad{R"({"approximate_age":-1})", "person.approximate_age"}}) {
    auto r = PersonFromJson(json::parse(b.body), "person");
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << b.body;
    EXPECT_EQ(r.status().field(), b.field) << b.body;
  }
}

TEST(Errors, OneShapeAndOneMapping) {
  EXPECT_EQ(HttpStatusFor(Code::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(Code::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(Code::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(Code::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(Code::kConflict), 409);
  Response r = ErrorResponse(Status::InvalidArgument("bad date", "person.birth_date"));
  EXPECT_EQ(r.status, 400);
  auto j = json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "invalid_argument");
  EXPECT_EQ(j["error"]["field"], "person.birth_date");
  Response internal = ErrorResponse(Status::Internal("sqlite: disk I/O error at /var/x"));
  EXPECT_EQ(json::parse(internal.body)["error"]["message"], "internal error")
      << "internal details must not leak";
}

}  // namespace
}  // namespace trm::http
