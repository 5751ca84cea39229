package io.aftercare.adversereaction;

import io.aftercare.customer.Market;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The regulator's report as a safety officer prints it and attaches it to the submission: the
 * stored report (its JSON) laid out after the market's form (CN 化妆品不良反应报告表 to the NMPA, EU
 * SUE reporting form A to the competent authority, US a MedWatch 3500A-style serious adverse event
 * report under MoCRA), every field labelled and every coded value in words, in Chinese and English
 * side by side, dates as YYYY-MM-DD, every value HTML-escaped (the report holds consumers' own
 * words). A key the layout does not know is still shown, under its key, so that nothing is lost.
 */
final class AdverseReactionReportPage {

  /** A label or a value in both languages, shown "中文 / English". */
  record Bilingual(String zh, String en) {
    String text() {
      return zh + " / " + en;
    }
  }

  private static Bilingual bi(String zh, String en) {
    return new Bilingual(zh, en);
  }

  /** A part of the form: its title (per market) and the report's fields in it, in the form's order. */
  private record Section(String id, List<String> fields, String prefix) {}

  /** Shown in the header rather than in the table. */
  private static final Set<String> IN_HEADER = Set.of("reportType", "companyReportNumber", "caseNumber");

  private static final List<Section> SECTIONS = List.of(
      new Section("report", List.of("regulator", "dateReceived", "dateSent", "reporter"), null),
      new Section("consumer", List.of("consumer.initials", "consumer.age", "consumer.sex", "consumer.country",
          "consumer.allergyHistory"), "consumer."),
      new Section("product", List.of("product.name", "product.category", "product.registrationKind",
          "product.registrationNumber", "product.batch"), "product."),
      new Section("exposure", List.of("exposure.firstUseDate", "exposure.stoppedUseDate"), "exposure."),
      new Section("reaction", List.of("reaction.onsetDate", "reaction.symptoms", "reaction.bodyArea",
          "reaction.medicalTreatment", "reaction.hospitalised", "reaction.outcome"), "reaction."),
      new Section("assessment", List.of("seriousness.class", "seriousness.criteria", "causality"), "seriousness."));

  /** The US report in MedWatch 3500A's order: A patient, B adverse event, D suspect product, G manufacturer. */
  private static final List<Section> MEDWATCH_ORDER = List.of(SECTIONS.get(1), SECTIONS.get(4), SECTIONS.get(5),
      SECTIONS.get(2), SECTIONS.get(3), SECTIONS.get(0));

  private static final Map<String, Bilingual> LABELS = new HashMap<>();
  private static final Map<Market, Map<String, Bilingual>> MARKET_LABELS = new EnumMap<>(Market.class);
  private static final Map<String, Map<String, Bilingual>> CODES = new HashMap<>();
  private static final Map<Market, Map<String, Map<String, Bilingual>>> MARKET_CODES = new EnumMap<>(Market.class);
  /** Fields holding a day: shown as YYYY-MM-DD whatever form they were stored in. */
  private static final Set<String> DATES = Set.of("dateReceived", "dateSent", "exposure.firstUseDate",
      "exposure.stoppedUseDate", "reaction.onsetDate");
  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

  static {
    LABELS.put("reportType", bi("报告类型", "Report type"));
    LABELS.put("companyReportNumber", bi("企业报告编号", "Company report number"));
    LABELS.put("caseNumber", bi("案件编号", "Case number"));
    LABELS.put("regulator", bi("报告接收机构", "Receiving authority"));
    LABELS.put("dateReceived", bi("企业获知日期", "Date the company became aware"));
    LABELS.put("dateSent", bi("报告日期", "Date of this report"));
    LABELS.put("reporter", bi("报告人", "Reporter"));
    LABELS.put("consumer.initials", bi("消费者姓名缩写", "Consumer initials"));
    LABELS.put("consumer.age", bi("年龄（岁）", "Age (years)"));
    LABELS.put("consumer.sex", bi("性别", "Sex"));
    LABELS.put("consumer.country", bi("国家/地区", "Country"));
    LABELS.put("consumer.allergyHistory", bi("过敏史", "Allergy history"));
    LABELS.put("product.name", bi("产品名称", "Product name"));
    LABELS.put("product.category", bi("产品类别", "Product category"));
    LABELS.put("product.registrationKind", bi("注册/备案类型", "Registration kind"));
    LABELS.put("product.registrationNumber", bi("注册证号/备案编号", "Registration or notification number"));
    LABELS.put("product.batch", bi("生产批号", "Batch number"));
    LABELS.put("exposure.firstUseDate", bi("开始使用日期", "Date of first use"));
    LABELS.put("exposure.stoppedUseDate", bi("停止使用日期", "Date use stopped"));
    LABELS.put("reaction.onsetDate", bi("不良反应发生日期", "Date of onset"));
    LABELS.put("reaction.symptoms", bi("不良反应表现", "Description of the reaction"));
    LABELS.put("reaction.bodyArea", bi("发生部位", "Body area affected"));
    LABELS.put("reaction.medicalTreatment", bi("是否就医治疗", "Medical treatment received"));
    LABELS.put("reaction.hospitalised", bi("是否住院治疗", "Hospitalised"));
    LABELS.put("reaction.outcome", bi("转归", "Outcome"));
    LABELS.put("seriousness.class", bi("严重程度", "Seriousness"));
    LABELS.put("seriousness.criteria", bi("严重性判定依据", "Seriousness criteria"));
    LABELS.put("causality", bi("关联性评价", "Causality assessment"));

    // 化妆品不良反应报告表 (NMPA)
    MARKET_LABELS.put(Market.CN, Map.of(
        "reporter", bi("报告单位", "Reporting company"),
        "product.registrationKind", bi("注册/备案", "Registration or filing"),
        "product.registrationNumber", bi("注册证编号/备案编号", "Registration certificate or filing number")));
    // SUE reporting form A (Regulation (EC) No 1223/2009, art. 23)
    MARKET_LABELS.put(Market.EU, Map.of(
        "regulator", bi("主管当局", "Competent authority"),
        "dateReceived", bi("责任人获知日期", "Date the responsible person became aware"),
        "reporter", bi("责任人", "Responsible person"),
        "product.registrationKind", bi("通报类型", "Kind of notification"),
        "product.registrationNumber", bi("CPNP 通报编号", "CPNP notification number"),
        "reaction.onsetDate", bi("不良作用发生日期", "Date of onset of the undesirable effect"),
        "reaction.symptoms", bi("不良作用描述", "Description of the undesirable effect"),
        "seriousness.class", bi("是否为严重不良作用", "Serious undesirable effect"),
        "seriousness.criteria", bi("严重性判定标准（第 2(1)(p) 条）", "Seriousness criteria (Art. 2(1)(p))"),
        "causality", bi("因果关系评估", "Causality assessment")));
    // MedWatch 3500A sections A (patient), B (adverse event), D (suspect product), G (manufacturer)
    Map<String, Bilingual> us = new HashMap<>();
    us.put("companyReportNumber", bi("生产商报告编号", "Manufacturer report number"));
    us.put("regulator", bi("接收机构", "Receiving agency"));
    us.put("dateReceived", bi("生产商收到日期", "Date received by manufacturer"));
    us.put("dateSent", bi("本报告日期", "Date of this report"));
    us.put("reporter", bi("报告人（责任人）", "Reporter (responsible person)"));
    us.put("consumer.initials", bi("患者标识（姓名缩写）", "Patient identifier (initials)"));
    us.put("consumer.allergyHistory", bi("其他相关病史（含过敏史）", "Other relevant history, including allergies"));
    us.put("product.registrationKind", bi("列名类型", "Kind of listing"));
    us.put("product.registrationNumber", bi("MoCRA 产品列名编号", "MoCRA product listing number"));
    us.put("product.batch", bi("批号", "Lot number"));
    us.put("reaction.onsetDate", bi("不良事件发生日期", "Date of event"));
    us.put("reaction.symptoms", bi("事件描述", "Describe event"));
    us.put("seriousness.class", bi("是否为严重不良事件", "Serious adverse event"));
    us.put("seriousness.criteria", bi("不良事件导致的结果", "Outcome attributed to adverse event"));
    us.put("causality", bi("因果关系评估", "Causality assessment"));
    MARKET_LABELS.put(Market.US, us);

    CODES.put("reportType", Map.of(
        "INITIAL", bi("首次报告", "Initial report"),
        "FOLLOW_UP", bi("跟踪报告", "Follow-up report"),
        "FINAL", bi("最终报告", "Final report")));
    CODES.put("consumer.sex", Map.of(
        "female", bi("女", "Female"),
        "male", bi("男", "Male"),
        "other", bi("其他", "Other")));
    CODES.put("consumer.country", Map.of(
        AdverseReactions.country(Market.CN), bi("中国", "China"),
        AdverseReactions.country(Market.EU), bi("欧盟", "European Union"),
        AdverseReactions.country(Market.US), bi("美国", "United States")));
    CODES.put("regulator", Map.of(
        AdverseReactions.regulator(Market.CN), bi("国家药品监督管理局（NMPA）", "National Medical Products Administration (NMPA)"),
        AdverseReactions.regulator(Market.EU), bi("欧盟成员国主管当局（SUE，法规 (EC) No 1223/2009 第 23 条）",
            "EU competent authority (SUE, Regulation (EC) No 1223/2009, Art. 23)"),
        AdverseReactions.regulator(Market.US), bi("美国食品药品监督管理局（FDA，MoCRA 严重不良事件报告）",
            "FDA (MoCRA serious adverse event report)")));
    CODES.put("product.category", Map.of(
        "SKINCARE", bi("护肤类", "Skincare"),
        "MAKEUP", bi("彩妆类", "Make-up"),
        "SUN_PROTECTION", bi("防晒类", "Sun protection"),
        "HAIR_COLOURING", bi("染发类", "Hair colouring"),
        "HAIRCARE", bi("护发类", "Hair care"),
        "FRAGRANCE", bi("香水香氛类", "Fragrance"),
        "BODY_CARE", bi("身体护理类", "Body care")));
    CODES.put("product.registrationKind", Map.of(
        "REGISTRATION", bi("注册", "Registration"),
        "NOTIFICATION", bi("备案/通报", "Notification"),
        "LISTING", bi("产品列名", "Product listing")));
    CODES.put("seriousness.class", Map.of(
        "general", bi("一般", "General (not serious)"),
        "serious", bi("严重", "Serious"),
        "social_impact", bi("可能引发较大社会影响", "May cause major social impact")));
    CODES.put("seriousness.criteria", Map.ofEntries(
        Map.entry("death", bi("导致死亡", "Death")),
        Map.entry("lifeThreatening", bi("危及生命", "Life-threatening")),
        Map.entry("hospitalised", bi("导致住院治疗", "Hospitalisation")),
        Map.entry("hospitalisationNeeded", bi("医疗机构认为需要住院治疗", "Hospitalisation deemed necessary by a medical institution")),
        Map.entry("lastingDisability", bi("永久性功能丧失或残疾", "Persistent or significant disability or incapacity")),
        Map.entry("temporaryIncapacity", bi("暂时性功能丧失", "Temporary functional incapacity")),
        Map.entry("functionLoss", bi("暂时性或永久性功能丧失，影响正常人体和社会功能",
            "Temporary or permanent loss of function affecting normal bodily or social function")),
        Map.entry("congenitalAnomaly", bi("导致先天异常", "Congenital anomaly or birth defect")),
        Map.entry("infection", bi("感染", "Infection")),
        Map.entry("disfigurement", bi("严重毁容", "Significant disfigurement")),
        Map.entry("systemicHarm", bi("导致人体全身性损害", "Systemic harm")),
        Map.entry("interventionToPrevent", bi("需医疗或手术干预以防止上述结果",
            "Medical or surgical intervention required to prevent one of the outcomes above")),
        Map.entry("otherSeriousHarm", bi("导致其他对人体造成严重损害", "Other serious harm to the body")),
        Map.entry("socialImpact", bi("可能引发较大社会影响", "May cause major social impact"))));
    CODES.put("causality", Map.of(
        "certain", bi("肯定", "Certain"),
        "probable", bi("很可能", "Probable"),
        "possible", bi("可能", "Possible"),
        "unlikely", bi("可能无关", "Unlikely"),
        "unassessable", bi("无法评价", "Unassessable")));
    // the outcome is the officer's own words; the usual outcomes are put in words in both languages
    CODES.put("reaction.outcome", Map.of(
        "recovered", bi("痊愈", "Recovered"),
        "recovering", bi("好转", "Recovering"),
        "not_recovered", bi("未好转", "Not recovered"),
        "recovered_with_sequelae", bi("有后遗症", "Recovered with sequelae"),
        "death", bi("死亡", "Death"),
        "fatal", bi("死亡", "Death"),
        "unknown", bi("不详", "Unknown")));

    MARKET_CODES.put(Market.CN, Map.of("product.registrationKind", Map.of(
        "REGISTRATION", bi("注册（特殊化妆品）", "Registration (special cosmetic)"),
        "NOTIFICATION", bi("备案（普通化妆品）", "Filing (general cosmetic)"))));
    MARKET_CODES.put(Market.EU, Map.of(
        "product.registrationKind", Map.of("NOTIFICATION", bi("CPNP 通报", "CPNP notification")),
        "seriousness.class", Map.of("serious", bi("是，严重不良作用（SUE）", "Yes, serious undesirable effect (SUE)"),
            "general", bi("否，非严重不良作用", "No, not serious"))));
    MARKET_CODES.put(Market.US, Map.of(
        "product.registrationKind", Map.of("LISTING", bi("MoCRA 产品列名", "MoCRA product listing")),
        "seriousness.class", Map.of("serious", bi("是，严重不良事件", "Yes, serious adverse event"),
            "general", bi("否，非严重不良事件", "No, not serious"))));
  }

  private AdverseReactionReportPage() {}

  /** The form's title per market: Chinese, English, and the law it is made under. */
  static List<Bilingual> title(Market market) {
    if (market == null) {
      return List.of(bi("化妆品不良反应报告", "Cosmetic Adverse Reaction Report"));
    }
    return switch (market) {
      case CN -> List.of(bi("化妆品不良反应报告表", "Cosmetic Adverse Reaction Report Form"),
          bi("依据《化妆品不良反应监测管理办法》（国家药监局 2022 年第 16 号公告）报送国家药品监督管理局",
              "To the NMPA under the Measures for the Monitoring of Cosmetic Adverse Reactions (NMPA 2022 No. 16)"));
      case EU -> List.of(bi("严重不良作用（SUE）报告表 A 表", "Serious Undesirable Effect (SUE) Reporting Form A"),
          bi("责任人依据法规 (EC) No 1223/2009 第 23 条向主管当局报告",
              "By the responsible person to the competent authority under Regulation (EC) No 1223/2009, Art. 23"));
      case US -> List.of(bi("化妆品严重不良事件报告（MedWatch 3500A 格式）",
              "Serious Adverse Event Report, Cosmetic Product (MedWatch 3500A format)"),
          bi("依据 MoCRA 2022，《联邦食品、药品和化妆品法》第 605 条报送 FDA",
              "To the FDA under MoCRA 2022, FD&C Act sec. 605"));
    };
  }

  private static Bilingual sectionTitle(String id, Market market) {
    Market m = market == null ? Market.CN : market;
    return switch (id) {
      case "report" -> switch (m) {
        case CN -> bi("一、报告基本信息", "1. Report information");
        case EU -> bi("一、行政信息", "1. Administrative information");
        case US -> bi("G. 生产商报告信息", "G. Manufacturer's report");
      };
      case "consumer" -> m == Market.US ? bi("A. 患者信息", "A. Patient information")
          : bi("二、消费者信息", "2. Consumer information");
      case "product" -> m == Market.US ? bi("D. 可疑产品", "D. Suspect product")
          : bi("三、产品信息", "3. Product information");
      case "exposure" -> m == Market.US ? bi("D. 使用日期", "D. Dates of use")
          : bi("四、产品使用情况", "4. Use of the product");
      case "reaction" -> switch (m) {
        case CN -> bi("五、不良反应情况", "5. Adverse reaction");
        case EU -> bi("五、不良作用描述", "5. Undesirable effect");
        case US -> bi("B. 不良事件", "B. Adverse event");
      };
      case "assessment" -> switch (m) {
        case CN -> bi("六、严重程度与关联性评价", "6. Seriousness and causality");
        case EU -> bi("六、严重性与因果关系评估", "6. Seriousness and causality assessment");
        case US -> bi("B. 严重性与因果关系", "B. Seriousness and causality");
      };
      default -> bi("其他信息", "Other information");
    };
  }

  /** The label of a field: the market's form's, or the usual one; a field not known, its key. */
  static String label(String path, Market market) {
    Bilingual own = market == null ? null : MARKET_LABELS.getOrDefault(market, Map.of()).get(path);
    Bilingual label = own != null ? own : LABELS.get(path);
    return label == null ? path : label.text();
  }

  /** A value as the form shows it (not yet escaped): codes in words, days as YYYY-MM-DD, yes or no. */
  static String value(String path, Object value, Market market) {
    if (value == null || (value instanceof String s && s.isBlank()) || (value instanceof Map<?, ?> m && m.isEmpty())) {
      return "—";
    }
    if (value instanceof Boolean b) {
      return b ? "是 / Yes" : "否 / No";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "无 / None"
          : String.join("\n", list.stream().map(item -> value(path, item, market)).toList());
    }
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> parts.add(k + ": " + value(path + "." + k, v, market)));
      return String.join("\n", parts);
    }
    String text = value.toString();
    Bilingual coded = code(path, text.trim(), market);
    if (coded != null) {
      return coded.text();
    }
    if (DATES.contains(path) && ISO_DAY.matcher(text).matches()) {
      return text.substring(0, 10);
    }
    return text;
  }

  private static Bilingual code(String path, String code, Market market) {
    if (market != null) {
      Bilingual own = MARKET_CODES.getOrDefault(market, Map.of()).getOrDefault(path, Map.of()).get(code);
      if (own != null) {
        return own;
      }
    }
    Map<String, Bilingual> codes = CODES.getOrDefault(path, Map.of());
    Bilingual coded = codes.get(code);
    if (coded == null && path.equals("reaction.outcome")) {
      coded = codes.get(code.toLowerCase(Locale.ROOT).replace(' ', '_'));
    }
    return coded;
  }

  /** The printable page of a report of a reaction in the given market (null: not known). */
  static String render(AdverseReactions.Report report, Market market) {
    Map<String, Object> fields = new LinkedHashMap<>();
    flatten("", report.content() == null ? Map.of() : report.content(), fields);
    String reportNumber = fields.get("companyReportNumber") != null ? fields.get("companyReportNumber").toString()
        : report.caseNumber() == null ? null : AdverseReactions.reportNumber(report.caseNumber());
    String caseNumber = fields.get("caseNumber") != null ? fields.get("caseNumber").toString() : report.caseNumber();
    Object type = fields.containsKey("reportType") ? fields.get("reportType") : report.type();
    List<Bilingual> title = title(market);

    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"robots\" content=\"noindex\"><title>").append(escape(reportNumber)).append(" · ")
        .append(escape(title.get(0).text())).append("</title><style>").append(css(reportNumber))
        .append("</style></head><body>\n");
    html.append("<div class=\"toolbar\"><button type=\"button\" onclick=\"window.print()\">")
        .append("Print / Save as PDF · 打印 / 保存为 PDF</button></div>\n");
    html.append("<header><h1>").append(escape(title.get(0).zh())).append("<span class=\"en\">")
        .append(escape(title.get(0).en())).append("</span></h1>");
    if (title.size() > 1) {
      html.append("<p class=\"basis\">").append(escape(title.get(1).zh())).append("<br>")
          .append(escape(title.get(1).en())).append("</p>");
    }
    html.append("<dl class=\"ids\">");
    id(html, label("companyReportNumber", market), escape(reportNumber), "number");
    id(html, label("caseNumber", market), escape(caseNumber), "number");
    id(html, label("reportType", market), escape(value("reportType", type, market)), null);
    id(html, "生成日期 / Generated on", escape(report.generatedAt() == null ? null
        : report.generatedAt().atZone(market == null ? ZoneOffset.UTC : market.zone()).toLocalDate()), null);
    html.append("</dl></header>\n<main>\n");

    Map<String, Object> rest = new LinkedHashMap<>(fields);
    IN_HEADER.forEach(rest::remove);
    for (Section section : market == Market.US ? MEDWATCH_ORDER : SECTIONS) {
      List<String> rows = new ArrayList<>();
      for (String field : section.fields()) {
        if (rest.containsKey(field)) {
          rows.add(row(field, rest.remove(field), market));
        }
      }
      if (section.prefix() != null) {
        for (String field : List.copyOf(rest.keySet())) {
          if (field.startsWith(section.prefix())) {
            rows.add(row(field, rest.remove(field), market));
          }
        }
      }
      table(html, sectionTitle(section.id(), market), rows);
    }
    List<String> others = new ArrayList<>();
    rest.forEach((field, value) -> others.add(row(field, value, market)));
    table(html, sectionTitle("other", market), others);

    table(html, bi("提交记录", "Submission"), List.of(
        row(bi("提交日期", "Submitted on").text(), report.submittedOn() == null ? "未提交 / Not submitted yet"
            : value("submittedOn", report.submittedOn(), market)),
        row(bi("监管机构受理编号", "Regulator's reference").text(), value("reference", report.reference(), market))));
    html.append("<section class=\"sign\"><div>报告人签名 / Signature of the reporter<span></span></div>")
        .append("<div>日期 / Date<span></span></div></section>\n")
        .append("<p class=\"note\">本报告含健康信息（敏感个人信息），请保密处理。")
        .append(" / This report contains health data (sensitive personal data): handle it in confidence.</p>\n")
        .append("</main></body></html>\n");
    return html.toString();
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> values, Map<String, Object> into) {
    values.forEach((key, value) -> {
      if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
        flatten(prefix + key + ".", (Map<String, Object>) nested, into);
      } else {
        into.put(prefix + key, value);
      }
    });
  }

  private static void id(StringBuilder html, String label, String value, String cssClass) {
    html.append("<div><dt>").append(escape(label)).append("</dt><dd")
        .append(cssClass == null ? "" : " class=\"" + cssClass + "\"").append(">").append(value).append("</dd></div>");
  }

  private static String row(String field, Object value, Market market) {
    return row(label(field, market), value(field, value, market));
  }

  /** A row of a label and a value, both escaped here. */
  private static String row(String label, String value) {
    return "<tr><th scope=\"row\">" + escape(label) + "</th><td>" + escape(value) + "</td></tr>\n";
  }

  private static void table(StringBuilder html, Bilingual title, List<String> rows) {
    if (rows.isEmpty()) {
      return;
    }
    html.append("<section><h2>").append(escape(title.text())).append("</h2><table><colgroup>")
        .append("<col class=\"label\"><col></colgroup><tbody>\n");
    rows.forEach(html::append);
    html.append("</tbody></table></section>\n");
  }

  private static String css(String reportNumber) {
    // the report number in the page's footer when printed (a browser without page-margin boxes leaves it out)
    String footer = reportNumber != null && reportNumber.matches("[A-Za-z0-9-]+")
        ? "@bottom-left{content:\"" + reportNumber + "\";font:8pt sans-serif;color:#555}"
          + "@bottom-right{content:counter(page) \" / \" counter(pages);font:8pt sans-serif;color:#555}"
        : "";
    return "@page{size:A4;margin:16mm 15mm 18mm;" + footer + "}"
        + "*{box-sizing:border-box}"
        + "html{background:#eef1f4}"
        + "body{font:10.5pt/1.45 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\","
        + "system-ui,sans-serif;color:#111;background:#fff;width:210mm;max-width:100%;margin:1rem auto;"
        + "padding:14mm 15mm;box-shadow:0 1px 6px rgba(0,0,0,.15)}"
        + ".toolbar{display:flex;justify-content:flex-end;margin:-6mm 0 4mm}"
        + ".toolbar button{font:inherit;padding:.35rem .9rem;border:1px solid #1f6feb;border-radius:4px;"
        + "background:#1f6feb;color:#fff;cursor:pointer}"
        + "header{border-bottom:2px solid #111;padding-bottom:3mm;margin-bottom:4mm}"
        + "h1{font-size:15pt;margin:0;line-height:1.3}"
        + "h1 .en{display:block;font-size:12pt;font-weight:600}"
        + ".basis{margin:1.5mm 0 0;font-size:8.5pt;color:#444}"
        + ".ids{display:flex;flex-wrap:wrap;gap:1mm 8mm;margin:3mm 0 0}"
        + ".ids dt{font-size:8pt;color:#444}.ids dd{margin:0;font-weight:600}"
        + ".ids dd.number{font-size:12pt;font-family:ui-monospace,\"SFMono-Regular\",Consolas,monospace}"
        + "section{margin:0 0 4mm}"
        + "h2{font-size:10.5pt;margin:0 0 1.5mm;padding:1mm 2mm;background:#e8ecf0;border-left:3px solid #111;"
        + "break-after:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        + "table{border-collapse:collapse;width:100%;table-layout:fixed}"
        + "col.label{width:38%}"
        + "th,td{border:1px solid #999;padding:1.2mm 2mm;text-align:left;vertical-align:top}"
        + "th{font-weight:600;background:#f6f7f9;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        + "td{white-space:pre-wrap;overflow-wrap:anywhere}"
        + "tr{break-inside:avoid}"
        + ".sign{display:flex;gap:10mm;margin-top:8mm;break-inside:avoid}"
        + ".sign div{flex:1;font-size:9pt}.sign span{display:block;border-bottom:1px solid #111;height:10mm}"
        + ".note{font-size:8pt;color:#444;margin-top:5mm}"
        + "@media print{html{background:none}body{width:auto;margin:0;padding:0;box-shadow:none;font-size:10pt}"
        + ".toolbar{display:none}a{color:inherit;text-decoration:none}}";
  }

  private static String escape(Object value) {
    return value == null ? "—" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
  }
}
