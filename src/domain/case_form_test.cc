// The case entry forms are well formed, and ValidateEntry refuses each kind of
// bad value with the field named.
#include "domain/case_form.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace trm::domain {
namespace {

TEST(CaseForms, AreWellFormed) {
  std::set<std::string_view> kinds;
  std::map<std::string_view, std::span<const std::string_view>> lists;
  for (const CaseForm& form : CaseForms()) {
    SCOPED_TRACE(std::string(form.kind));
    EXPECT_TRUE(kinds.insert(form.kind).second) << "kind listed twice";
    std::set<std::string_view> names;
    for (const FormField& f : form.fields) {
      EXPECT_TRUE(names.insert(f.name).second) << f.name << " listed twice";
      if (f.type == FieldType::kChoice || f.type == FieldType::kChoices) {
        EXPECT_FALSE(f.options.empty()) << f.name;
        EXPECT_FALSE(f.list.empty()) << f.name;
        std::set<std::string_view> values(f.options.begin(), f.options.end());
        EXPECT_EQ(values.size(), f.options.size()) << f.name << " repeats a value";
        // A picklist name means one set of values everywhere (labels are per list).
        auto [it, fresh] = lists.emplace(f.list, f.options);
        if (!fresh) EXPECT_TRUE(std::equal(it->second.begin(), it->second.end(), f.options.begin(), f.options.end())) << f.list;
      }
      if (f.type == FieldType::kEntry) EXPECT_NE(FindCaseForm(f.ref_kind), nullptr) << f.name;
      if (f.type == FieldType::kLine || f.type == FieldType::kText) EXPECT_GT(f.max, 0) << f.name;
      if (f.type == FieldType::kAmount) {
        const FormField* currency = FindField(form, f.currency);
        ASSERT_NE(currency, nullptr) << f.name << " names no currency field";
        EXPECT_EQ(currency->type, FieldType::kCurrency) << f.name;
      }
    }
    for (const DateOrder& o : form.date_orders) {
      ASSERT_NE(FindField(form, o.from), nullptr);
      ASSERT_NE(FindField(form, o.to), nullptr);
      EXPECT_EQ(FindField(form, o.from)->type, FieldType::kDate);
      EXPECT_EQ(FindField(form, o.to)->type, FieldType::kDate);
    }
    for (const FieldPair& p : form.pairs) {
      EXPECT_NE(FindField(form, p.first), nullptr);
      EXPECT_NE(FindField(form, p.second), nullptr);
    }
    for (const FieldPair& p : form.either) {
      EXPECT_NE(FindField(form, p.first), nullptr);
      EXPECT_NE(FindField(form, p.second), nullptr);
    }
    auto typed = [&](std::string_view name, FieldType t) {
      if (name.empty()) return;
      const FormField* f = FindField(form, name);
      ASSERT_NE(f, nullptr) << name;
      EXPECT_EQ(f->type, t) << name;
    };
    typed(form.assignee_field, FieldType::kUser);
    typed(form.due_field, FieldType::kDate);
    if (!form.done_field.empty()) {
      const FormField* done = FindField(form, form.done_field);
      ASSERT_NE(done, nullptr) << form.done_field;
      EXPECT_TRUE(done->type == FieldType::kBool || done->type == FieldType::kChoice) << form.done_field;
    }
    typed(form.confidential_field, FieldType::kBool);
  }
}

const CaseForm& Form(std::string_view kind) {
  const CaseForm* f = FindCaseForm(kind);
  EXPECT_NE(f, nullptr) << kind;
  return *f;
}

std::string FieldOf(std::string_view kind, EntryFields fields) {
  return ValidateEntry(Form(kind), fields).field();
}

TEST(ValidateEntry, AcceptsAWellFormedEntryAndTurnsIntegersIntoNumbers) {
  EntryFields f{{"type", std::string("Exploitation")},
                {"started_on", std::string("2026-01-10")},
                {"ended_on", std::string("2026-01-10")},
                {"country", std::string("TH")},
                {"latitude", int64_t{13}},
                {"longitude", 100.5},
                {"description", std::string("ทำงานบนเรือประมง\nไม่ได้รับค่าจ้าง")}};
  ASSERT_TRUE(ValidateEntry(Form("event"), f).ok());
  EXPECT_TRUE(std::holds_alternative<double>(f.at("latitude")));
}

TEST(ValidateEntry, RefusesEachBadValueNamingTheField) {
  EXPECT_EQ(FieldOf("event", {}), "fields.type") << "required";
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Holiday")}}), "fields.type") << "unknown choice";
  EXPECT_EQ(FieldOf("event", {{"type", int64_t{1}}}), "fields.type") << "wrong type";
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"colour", true}}), "fields");
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"started_on", std::string("2026-02-30")}}),
            "fields.started_on");
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"country", std::string("XX")}}),
            "fields.country");
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"latitude", 91.0}, {"longitude", 1.0}}),
            "fields.latitude");
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"latitude", 10.0}}), "fields.longitude")
      << "coordinates go together";
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")},
                              {"started_on", std::string("2026-03-01")},
                              {"ended_on", std::string("2026-02-28")}}),
            "fields.ended_on");
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"place", std::string("a\x01z")}}),
            "fields.place") << "control character";
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"place", std::string("\xC3\x28")}}),
            "fields.place") << "broken UTF-8";
  EXPECT_EQ(FieldOf("event", {{"type", std::string("Transit")}, {"place", std::string(201, 'a')}}),
            "fields.place") << "too long";
  EXPECT_EQ(FieldOf("victim_context", {{"age_when_trafficked", 16.5}}), "fields.age_when_trafficked");
  EXPECT_EQ(FieldOf("victim_context", {{"age_when_trafficked", int64_t{121}}}), "fields.age_when_trafficked");
  EXPECT_EQ(FieldOf("victim_context", {{"control_methods", std::vector<std::string>{"DebtBondage", "DebtBondage"}}}),
            "fields.control_methods") << "repeated value";
  EXPECT_EQ(FieldOf("victim_context", {{"control_methods", std::string("DebtBondage")}}),
            "fields.control_methods") << "a list is needed";
  EXPECT_EQ(FieldOf("needs_assessment", {{"assessed_on", std::string("2026-01-01")},
                                         {"needs", std::vector<std::string>{}}}),
            "fields.needs") << "at least one";
  EXPECT_EQ(FieldOf("note", {{"text", std::string("   ")}}), "fields.text") << "blank";
  EXPECT_EQ(FieldOf("note", {{"text", std::string("x")}, {"confidential", std::string("yes")}}),
            "fields.confidential");
  EXPECT_EQ(FieldOf("task", {{"title", std::string("x")}, {"due_on", std::string("2026-01-01")},
                             {"assignee", int64_t{0}}}),
            "fields.assignee");
  EXPECT_EQ(FieldOf("service", {{"service_type", std::string("daily_allowance")},
                                {"started_on", std::string("2026-01-01")},
                                {"amount", 300.0}}),
            "fields.currency") << "amount needs its currency";
}

TEST(IndexOf, KeepsTaskAndNoteColumns) {
  EntryFields task{{"title", std::string("x")}, {"due_on", std::string("2026-01-01")},
                   {"assignee", int64_t{7}}, {"done", true}};
  EntryIndex i = IndexOf(Form("task"), task);
  EXPECT_EQ(i.assignee_id, 7);
  EXPECT_EQ(i.due_on, "2026-01-01");
  EXPECT_TRUE(i.done);
  EXPECT_FALSE(i.confidential);
  EXPECT_TRUE(IndexOf(Form("note"), {{"text", std::string("x")}, {"confidential", true}}).confidential);
  EXPECT_FALSE(IndexOf(Form("event"), {{"type", std::string("Transit")}}).assignee_id);
}

}  // namespace
}  // namespace trm::domain
