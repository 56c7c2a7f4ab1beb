"""Chinese (simplified characters, as UN Chinese documents)."""

from __future__ import annotations

from ._types import Phrase

PHRASES: dict[str, Phrase] = {
    "un": "联合国",
    "organ": "大会",
    "distr": "Distr.: General",
    "original": "Original: {language}",
    "symbol_placeholder": "[symbol to be assigned]",
    "agenda": "临时议程项目{item}",
    "agenda_placeholder": "[编号待定]",
    "agenda_title": "人权问题：人权文书的执行情况",
    "title": "《保护所有移徙工人及其家庭成员权利国际公约》的状况",
    "subtitle": "秘书长的报告",
    "intro": "大会在{resolution_date}第{resolution}号决议第{paragraph}段中，请秘书长向大会{session}提交一份关于"
    "《保护所有移徙工人及其家庭成员权利国际公约》状况的报告。本报告是应此要求提交的，介绍截至{as_of}该公约的状况。",
    "intro_unknown": "大会在第[待定]号决议中，请秘书长向大会{session}提交一份关于该公约状况的报告。"
    "本报告是应此要求提交的，介绍截至{as_of}该公约的状况。",
    "status": "截至{as_of}，{signed}，{bound}。",
    "signed": "已有{n}个国家签署该公约",
    "bound": "{n}个国家批准或加入该公约",
    "annex_reference": "签署、批准或加入该公约的国家名单以及签署日期和收到批准书或加入书的日期载于本报告附件。",
    "eif_pending": "根据第{article}条第1款，该公约在交存{threshold}份批准书或加入书后生效；{needed}。",
    "needed": "尚需{n}份方能生效",
    "eif_reached": "使批准和加入数目达到{threshold}的文书已于{reached}交存；根据第{article}条第1款，"
    "该公约将于{eif}生效。",
    "eif_in_force": "根据第{article}条第1款，该公约已于{eif}生效。截至{as_of}，该公约已对{parties}生效。",
    "parties": "{n}个国家",
    "pending_parties": "对于另外{n}个已批准或加入该公约的国家，该公约将根据第{article}条第2款生效。",
    "art76": "根据第76条，缔约国可声明承认保护所有移徙工人及其家庭成员权利委员会有权接受和审议"
    "一缔约国声称另一缔约国未履行其根据《公约》所承担义务的来文。",
    "art77": "根据第77条，缔约国可声明承认委员会有权接受和审议受该国管辖的个人或其代表声称其依《公约》"
    "享有的个人权利遭到该缔约国侵犯的来文。",
    "proc_count": "截至{as_of}，根据第{article}条作出声明的国家数目为{n}{names}。",
    "proc_undated": "以下根据第{article}条作出的声明未记录日期，未计入上述数目：{list}。",
    "proc_operative": "第{article}条规定的程序自{since}起生效。",
    "proc_not_operative": "第{article}条规定的程序在{threshold}个缔约国作出声明后生效；该程序尚未生效。",
    "decl92": "已记录以下国家根据第92条第2款作出的声明，即不受该条第1款（缔约国之间争端的解决）约束：{list}。",
    "decl_other": "已记录以下国家的其他声明：{list}。",
    "reservations": "已记录以下国家的保留：{list}。",
    "objections": "已记录以下国家的反对：{list}。",
    "texts": "案文载于《交存秘书长的多边条约》第{chapter}章。",
    "not_counted_consent": "未计入：{list}（记录中仅有交存年份或月份，可能在{as_of}之后交存）。",
    "not_counted_signature": "未计入：{list}（记录中仅有签署年份或月份，可能在{as_of}之后签署）。",
    "note_year_deposit": "仅有交存年份；确切日期未予记录。",
    "note_month_deposit": "仅有交存月份；确切日期未予记录。",
    "note_year_signature": "仅有签署年份；确切日期未予记录。",
    "note_month_signature": "仅有签署月份；确切日期未予记录。",
    "note_interval": "确切日期未予记录；不晚于{latest}。",
    "note_declaration": "声明日期未予记录；该声明不晚于{latest}作出。",
    "note_span": "根据仅有年份或月份的日期计算；确切日期在{earliest}至{latest}之间。",
    "note_denounced": "退约通知于{received}收到；于{effective}生效。",
    "annex": "附件",
    "annex_title": "截至{as_of}签署、批准或加入《保护所有移徙工人及其家庭成员权利国际公约》的国家",
    "col_state": "国家",
    "col_signature": "签署日期",
    "col_consent": "收到批准书或加入书的日期",
    "mark_a": "加入。",
    "mark_d": "继承。",
    "mark_A": "接受。",
    "mark_AA": "核准。",
    "mark_c": "正式确认。",
    "para_number": "{n}.",
    "notes": "注",
    "paren": "（{list}）",
}
