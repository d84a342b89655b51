#include "domain/repatriation_flow_loader.h"

#include <algorithm>
#include <map>

#include "domain/codes.h"
#include "domain/line_file.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr size_t kMaxFileBytes = 1 << 20;
constexpr size_t kMaxIdChars = 64;
constexpr size_t kMaxLabelChars = 300;
constexpr size_t kMaxTextChars = 1000;
constexpr int kMaxDays = 365;

constexpr std::string_view kHeaderKeys[] = {"flow", "destination", "origin", "title",
                                            "source", "note", "languages"};
constexpr std::string_view kRequiredHeader[] = {"flow", "destination", "origin", "title"};

bool IsHeaderKey(std::string_view key) {
  return std::find(std::begin(kHeaderKeys), std::end(kHeaderKeys), key) != std::end(kHeaderKeys);
}

bool IsLabelLanguage(std::string_view s) {
  return std::find(std::begin(kLabelLanguages), std::end(kLabelLanguages), s) !=
         std::end(kLabelLanguages);
}

bool IsId(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdChars || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A whole number from 1 to kMaxDays, or 0.
int Days(std::string_view s) {
  if (s.empty() || s.size() > 3) return 0;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n <= kMaxDays ? n : 0;
}

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source) {}

  Result<RepatriationFlow> Parse(std::string_view text) {
    ASSIGN_OR_RETURN(int lines, ForEachStatement(text, source_, kMaxFileBytes,
                                                 [this](const Statement& s) { return Line(s); }));
    RETURN_IF_ERROR(Finish(std::max(lines, 1)));
    return std::move(flow_);
  }

 private:
  Status Error(int line, std::string_view reason) const { return LineError(source_, line, reason); }

  Status Line(const Statement& s) {
    if (IsHeaderKey(s.key)) {
      if (!step_lines_.empty())
        return Error(s.line, Quoted(std::string(s.key) + ":") +
                                 " is a header field: move it above the first step");
      return Header(s);
    }
    if (IsLabelLanguage(s.key)) return Translation(s);
    if (s.key == "en")
      return Error(s.line, "the English label belongs on the line itself, not on an 'en:' line");
    if (s.key == "step") return StepLine(s);
    if (s.key != "document" && s.key != "after" && s.key != "records")
      return Error(s.line, "unknown keyword " + Quoted(s.key) +
                               " (flow, destination, origin, title, source, note, languages, "
                               "step, document, after, records, or a language: th, km, lo, my, "
                               "vi, zh)");
    if (step_lines_.empty())
      return Error(s.line, Quoted(std::string(s.key) + ":") + " belongs to a step: put it after one");
    if (s.key == "document") return DocumentLine(s);
    if (s.key == "after") return AfterLine(s);
    return RecordsLine(s);
  }

  Status Header(const Statement& s) {
    if (s.key != "note") {
      auto [it, fresh] = header_lines_.emplace(std::string(s.key), s.line);
      if (!fresh)
        return Error(s.line, Quoted(std::string(s.key) + ":") + " given twice (first on line " +
                                 std::to_string(it->second) + ")");
    }
    if (s.value.empty()) return Error(s.line, Quoted(std::string(s.key) + ":") + " has no value");
    target_ = nullptr;
    if (s.key == "flow") {
      if (!IsId(s.value))
        return Error(s.line, "flow id " + Quoted(s.value) +
                                 " must be lower-case letters, digits and '-', at most 64");
      flow_.id = s.value;
    } else if (s.key == "destination" || s.key == "origin") {
      if (!IsCountryCode(s.value))
        return Error(s.line, "unknown country " + Quoted(s.value) +
                                 " (an ISO 3166-1 code in capitals, e.g. TH, KH)");
      (s.key == "destination" ? flow_.destination : flow_.origin) = s.value;
    } else if (s.key == "title") {
      RETURN_IF_ERROR(CheckLabel(s.line, s.value));
      flow_.title.en = s.value;
      target_ = &flow_.title;
    } else if (s.key == "source" || s.key == "note") {
      Status st = CheckText(s.value, s.key, kMaxTextChars);
      if (!st.ok()) return Error(s.line, st.message());
      if (s.key == "source") flow_.source = s.value;
      else flow_.notes.emplace_back(s.value);
    } else {  // languages
      flow_.languages = {"en"};
      for (std::string_view lang : SplitColumns(s.value, ' ')) {
        if (lang.empty()) continue;
        if (lang != "en" && !IsLabelLanguage(lang))
          return Error(s.line, "unknown language " + Quoted(lang) + " (en, th, km, lo, my, vi, zh)");
        if (lang == "en") continue;
        if (std::count(flow_.languages.begin(), flow_.languages.end(), lang))
          return Error(s.line, "language " + Quoted(lang) + " listed twice");
        flow_.languages.emplace_back(lang);
      }
    }
    return Status::Ok();
  }

  Status StepLine(const Statement& s) {
    if (step_lines_.empty()) RETURN_IF_ERROR(CheckHeader(s.line));
    auto cols = SplitColumns(s.value, '|');
    if (cols.size() != 4)
      return Error(s.line, "expected 'step: <code> | <destination|origin|both> | <days> | <English title>'");
    if (!IsId(cols[0]))
      return Error(s.line, "step code " + Quoted(cols[0]) +
                               " must be lower-case letters, digits and '-', at most 64");
    for (size_t i = 0; i < flow_.steps.size(); ++i)
      if (flow_.steps[i].code == cols[0])
        return Error(s.line, "duplicate step " + Quoted(cols[0]) + " (first on line " +
                                 std::to_string(step_lines_[i]) + ")");
    FlowStep step;
    step.code = cols[0];
    auto side = ParseRepatriationSide(cols[1]);
    if (!side) return Error(s.line, "unknown side " + Quoted(cols[1]) + " (destination, origin or both)");
    step.side = *side;
    step.expected_days = Days(cols[2]);
    if (step.expected_days == 0)
      return Error(s.line, "expected days " + Quoted(cols[2]) + " must be a whole number from 1 to 365");
    RETURN_IF_ERROR(CheckLabel(s.line, cols[3]));
    step.title.en = cols[3];
    if (!flow_.steps.empty()) step.after = {flow_.steps.back().code};
    flow_.steps.push_back(std::move(step));
    step_lines_.push_back(s.line);
    after_given_ = false;
    target_ = &flow_.steps.back().title;
    return Status::Ok();
  }

  Status DocumentLine(const Statement& s) {
    FlowStep& step = flow_.steps.back();
    auto cols = SplitColumns(s.value, '|');
    if (cols.size() != 2) return Error(s.line, "expected 'document: <id> | <English label>'");
    if (!IsId(cols[0]))
      return Error(s.line, "document id " + Quoted(cols[0]) +
                               " must be lower-case letters, digits and '-', at most 64");
    for (const FlowDocument& d : step.documents)
      if (d.id == cols[0])
        return Error(s.line, "document " + Quoted(cols[0]) + " listed twice for step " + Quoted(step.code));
    RETURN_IF_ERROR(CheckLabel(s.line, cols[1]));
    step.documents.push_back({std::string(cols[0]), Label{std::string(cols[1]), {}}});
    document_lines_[step.code + "/" + std::string(cols[0])] = s.line;
    target_ = &step.documents.back().label;
    return Status::Ok();
  }

  Status AfterLine(const Statement& s) {
    FlowStep& step = flow_.steps.back();
    if (after_given_) return Error(s.line, "'after:' given twice for step " + Quoted(step.code));
    after_given_ = true;
    target_ = nullptr;
    step.after.clear();
    if (s.value == "none") return Status::Ok();
    for (std::string_view code : SplitColumns(s.value, ',')) {
      const FlowStep* earlier = flow_.FindStep(code);
      if (earlier == nullptr || earlier == &step)
        return Error(s.line, "'after:' names " + Quoted(code) +
                                 ", which is not an earlier step of this flow (or write 'none')");
      if (std::count(step.after.begin(), step.after.end(), code))
        return Error(s.line, "step " + Quoted(code) + " named twice");
      step.after.emplace_back(code);
    }
    return Status::Ok();
  }

  Status RecordsLine(const Statement& s) {
    target_ = nullptr;
    if (s.value != "handover")
      return Error(s.line, "unknown record " + Quoted(s.value) + " (handover)");
    for (size_t i = 0; i < flow_.steps.size(); ++i)
      if (flow_.steps[i].records_handover)
        return Error(s.line, "a flow has one handover step; " + Quoted(flow_.steps[i].code) +
                                 " (line " + std::to_string(step_lines_[i]) + ") already records it");
    flow_.steps.back().records_handover = true;
    return Status::Ok();
  }

  Status Translation(const Statement& s) {
    if (target_ == nullptr)
      return Error(s.line, "a translation follows the title, step or document line it translates");
    if (target_->Has(s.key)) return Error(s.line, "a second " + Quoted(s.key) + " label for one item");
    RETURN_IF_ERROR(CheckLabel(s.line, s.value));
    target_->translations.emplace(std::string(s.key), std::string(s.value));
    return Status::Ok();
  }

  Status CheckLabel(int line, std::string_view value) const {
    if (IsBlank(value)) return Error(line, "empty label");
    Status s = CheckText(value, "label", kMaxLabelChars);
    return s.ok() ? s : Error(line, s.message());
  }

  Status CheckHeader(int line) {
    for (std::string_view key : kRequiredHeader)
      if (!header_lines_.contains(std::string(key)))
        return Error(line, "missing header field " + Quoted(std::string(key) + ":") +
                               " (flow, destination, origin and title come before the first step)");
    if (flow_.destination == flow_.origin)
      return Error(header_lines_.at("origin"), "destination and origin are the same country");
    if (flow_.languages.empty()) flow_.languages = {"en"};
    return Status::Ok();
  }

  Status Finish(int last_line) {
    if (step_lines_.empty()) {
      RETURN_IF_ERROR(CheckHeader(last_line));
      return Error(last_line, "no steps: a flow needs at least one 'step:' line");
    }
    if (std::none_of(flow_.steps.begin(), flow_.steps.end(),
                     [](const FlowStep& s) { return s.records_handover; }))
      return Error(last_line, "no handover step: mark one step with 'records: handover'");
    for (const std::string& lang : flow_.languages) {
      if (lang == "en") continue;
      const std::string why = " label (the header's 'languages:' lists " + lang + ")";
      if (!flow_.title.Has(lang))
        return Error(header_lines_.at("title"), "the title has no " + Quoted(lang) + why);
      for (size_t i = 0; i < flow_.steps.size(); ++i) {
        const FlowStep& step = flow_.steps[i];
        if (!step.title.Has(lang))
          return Error(step_lines_[i], "step " + Quoted(step.code) + " has no " + Quoted(lang) + why);
        for (const FlowDocument& d : step.documents)
          if (!d.label.Has(lang))
            return Error(document_lines_.at(step.code + "/" + d.id),
                         "document " + Quoted(d.id) + " has no " + Quoted(lang) + why);
      }
    }
    return Status::Ok();
  }

  std::string source_;
  RepatriationFlow flow_;
  Label* target_ = nullptr;  // what a translation line translates
  bool after_given_ = false;
  std::map<std::string, int, std::less<>> header_lines_;  // field -> line
  std::vector<int> step_lines_;                           // parallel to flow_.steps
  std::map<std::string, int> document_lines_;             // "step/document" -> line
};

}  // namespace

Result<RepatriationFlow> ParseRepatriationFlow(std::string_view text, std::string_view source_name) {
  return Parser(source_name).Parse(text);
}

Result<RepatriationFlow> LoadRepatriationFlowFile(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(std::string text, ReadDataFile(path, "repatriation flow"));
  return ParseRepatriationFlow(text, path.filename().string());
}

Result<std::vector<RepatriationFlow>> LoadRepatriationFlows(const std::filesystem::path& dir) {
  ASSIGN_OR_RETURN(std::vector<std::filesystem::path> files,
                   ListDataFiles(dir, "repatriation flow"));
  std::vector<RepatriationFlow> flows;
  std::map<std::string, std::string> file_of;  // "id:<id>" and "pair:<from>><to>" -> file name
  for (const auto& file : files) {
    ASSIGN_OR_RETURN(RepatriationFlow flow, LoadRepatriationFlowFile(file));
    const std::string name = file.filename().string();
    for (const auto& [key, what] :
         {std::pair{"id:" + flow.id, "flow id '" + flow.id + "'"},
          std::pair{"pair:" + flow.destination + ">" + flow.origin,
                    "a flow from " + flow.destination + " to " + flow.origin}}) {
      auto [at, fresh] = file_of.emplace(key, name);
      if (!fresh) return Status::InvalidArgument(name + ": " + what + " is already defined in " + at->second);
    }
    flows.push_back(std::move(flow));
  }
  return flows;
}

}  // namespace trm::domain
