//! Chinese names of the original, in Hanyu Pinyin, for comparing with the names of a translation.
//!
//! Chinese is written without spaces and without capitals, so a name is only taken where the text
//! says it is one (precision over recall: a name missed costs nothing, a name invented from an
//! ordinary word makes a false alarm):
//!
//! - a surname from `wordlists/chinese_surnames.tsv` (compound ones such as 欧阳 first) with one or
//!   two given-name characters, standing at a word boundary (start, punctuation, a role such as
//!   记者 or 教授, or a preposition such as 据 or 对) and followed by a word that follows names (说,
//!   表示, 指出, 先生, 教授 …); after a role, the end of the clause also confirms it;
//! - a name of `wordlists/chinese_established_names.tsv`, whose English form is not (only) its
//!   pinyin: 香港 Hong Kong, 清华 Tsinghua, 刘德华 Andy Lau.
//!
//! Readings come from the `pinyin` crate with all readings of each given-name character (a given
//! name such as 乐 may be read le or yue, and a translation may use either). A surname takes its
//! surname reading from the list (曾 Zeng, 单 Shan), which may differ from the character's common
//! one (ceng, dan). Both Simplified and Traditional characters are read.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use pinyin::{ToPinyin, ToPinyinMulti};

use crate::lexicon::tsv;
use crate::names::lists::lists;
use crate::names::normalize::capitalise;
use crate::text::script::is_han;

/// A name found in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceName<'o> {
    pub hanzi: &'o str,
    /// Byte range in the original.
    pub range: Range<usize>,
    /// Lowercase toneless pinyin of the surname ("liang", "ouyang", ü written v); empty when the
    /// name is not a person's (香港).
    pub surname: String,
    /// The readings of the given name, syllables joined, the common reading first ("wenfeng"); for
    /// a name that is not a person's, the readings of the whole name ("xianggang").
    pub given: Vec<String>,
    /// The accepted English forms when the name has an established one, the first suggested.
    pub established: Vec<&'static str>,
}

impl SourceName<'_> {
    /// The name in pinyin as English writes it: "Liang Wenfeng", "Xianggang".
    pub fn pinyin(&self) -> String {
        let given = self.given.first().map(String::as_str).unwrap_or("");
        match (self.surname.is_empty(), given.is_empty()) {
            (true, _) => capitalise(given),
            (false, true) => capitalise(&self.surname),
            (false, false) => format!("{} {}", capitalise(&self.surname), capitalise(given)),
        }
    }

    /// Whether the English form of the name is its pinyin (no established form, or one that is
    /// the pinyin anyway: 姚明 Yao Ming).
    pub fn is_person(&self) -> bool {
        !self.surname.is_empty()
    }

    /// The form a translation should use: the established one, or the pinyin.
    pub fn suggestion(&self) -> String {
        self.established
            .first()
            .map_or_else(|| self.pinyin(), |e| e.to_string())
    }
}

struct Established {
    hanzi: &'static str,
    english: Vec<&'static str>,
    person: bool,
    place: bool,
}

struct Tables {
    /// Established names with their English forms and whether they name a person, longest
    /// first so that 北京大学 wins over 北大 and 清华大学 over 清华.
    established: Vec<Established>,
}

/// Two-character words that are not names (文章, 经济, 适当), from CC-CEDICT: 83,000 of them, so
/// they load on their own, only when an original is read, not with the established names that
/// E003 reads in every document.
fn common_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        tsv::rows(crate::lexicon::WordList::ChineseCommonWords.text())
            .map(|row| row.get(0))
            .collect()
    })
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut established: Vec<Established> =
            tsv::rows(crate::lexicon::WordList::ChineseEstablishedNames.text())
                .map(|row| Established {
                    hanzi: row.get(0),
                    english: row.list(1).collect(),
                    person: row.get(2) == "person",
                    place: row.get(2) == "place",
                })
                .filter(|e| !e.hanzi.is_empty() && !e.english.is_empty())
                .collect();
        established.sort_by_key(|e| std::cmp::Reverse(e.hanzi.chars().count()));
        Tables { established }
    })
}

/// Titles written before or after a person's name: 王伟教授, 教授王伟.
const TITLES: &[&str] = &[
    "主任",
    "教授",
    "院长",
    "校长",
    "总裁",
    "董事长",
    "书记",
    "局长",
    "部长",
    "主席",
    "总理",
    "市长",
    "省长",
    "经理",
    "院長",
    "校長",
    "總裁",
    "董事長",
    "書記",
    "局長",
    "部長",
    "總理",
    "市長",
    "省長",
    "經理",
];

/// Words that follow a person's name but do not precede one: verbs of saying (王伟说), forms of
/// address (王先生), 等人, 一行.
const AFTER_ONLY: &[&str] = &[
    "说",
    "表示",
    "指出",
    "称",
    "介绍",
    "认为",
    "告诉",
    "强调",
    "透露",
    "回忆",
    "解释",
    "坦言",
    "补充",
    "报道",
    "先生",
    "女士",
    "博士",
    "老师",
    "同志",
    "等人",
    "一行",
    "本人",
    "在接受",
    "对记者",
    "向记者",
    "說",
    "表達",
    "認為",
    "強調",
    "報道",
    "介紹",
];

/// Roles written before a person's name but not after it: 记者王伟, 发言人王伟.
const BEFORE_ONLY: &[&str] = &[
    "记者",
    "创始人",
    "负责人",
    "发言人",
    "委员",
    "专家",
    "研究员",
    "导演",
    "演员",
    "歌手",
    "运动员",
    "选手",
    "队长",
    "教练",
    "医生",
    "律师",
    "法官",
    "作者",
    "总统",
    "首相",
    "大使",
    "記者",
    "創始人",
    "負責人",
    "發言人",
    "導演",
    "運動員",
    "選手",
    "隊長",
    "教練",
    "醫生",
    "總統",
    "司长",
    "司長",
    "厅长",
    "廳長",
    "处长",
    "處長",
    "所长",
    "所長",
    "会长",
    "會長",
    "秘书长",
    "秘書長",
    "行长",
    "行長",
    "社长",
    "社長",
    "县长",
    "縣長",
    "区长",
    "區長",
    "镇长",
    "鎮長",
    "村长",
    "村長",
    "首席执行官",
    "首席執行官",
    "议员",
    "議員",
    "特首",
];

/// Whether `before` ends with a title or role that introduces a name.
fn ends_with_role(before: &str) -> bool {
    TITLES
        .iter()
        .chain(BEFORE_ONLY)
        .any(|w| before.ends_with(w))
}

/// Whether `rest` starts with a word that follows a name.
fn starts_with_cue_after(rest: &str) -> bool {
    TITLES.iter().chain(AFTER_ONLY).any(|w| rest.starts_with(w))
}

/// Single characters after which a name may start (prepositions and conjunctions): 据梁文锋介绍,
/// 与王伟一起.
const BEFORE_NAME_CHARS: &str = "据據和与與及同跟对對向让讓请請由被给給把在为為";

/// Words that end in one of [`BEFORE_NAME_CHARS`] without being a preposition before a name: after
/// 邀请 or 根据 comes a phrase (邀请经济学教授…), not necessarily a name.
const NOT_BEFORE_NAME: &[&str] = &[
    "邀请", "邀請", "申请", "申請", "根据", "根據", "依据", "依據", "面对", "面對", "针对", "針對",
    "作为", "作為", "因为", "因為", "认为", "認為", "成为", "成為", "称为", "稱為", "分为", "分為",
    "以为", "以為", "行为", "行為", "存在", "现在", "現在", "正在", "所在", "实在", "實在", "好在",
    "绝对", "絕對", "相对", "相對", "反对", "反對", "应对", "應對", "供给", "供給", "交给", "交給",
    "自由", "理由", "经由", "經由", "方向", "面向", "走向", "转向", "轉向", "导向", "導向", "一同",
    "共同", "如同", "不同", "相同", "合同", "以及", "涉及", "普及", "来自", "以和", "总和", "總和",
    "参与", "參與", "给予", "給予",
];

/// Characters that do not occur in Chinese given names but do in phrases that a surname character
/// may start (有关专家 …), or in Chinese spellings of foreign names (史密斯, 克鲁姆, 马丁 Martin,
/// 焦布洛); a "given name"
/// containing one is not taken.
const NOT_GIVEN: &str = "的了在是和与與及说說等也都就而对對为為这這那个個们們不着著过過到从從被把将將已会會要与斯尔爾姆普夫蒂娃茨兹茲布洛丁";

/// The names of an original segment or paragraph, in text order.
pub fn source_names(original: &str) -> Vec<SourceName<'_>> {
    let mut found: Vec<SourceName> = established_names(original);
    let chars: Vec<(usize, char)> = original.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let at = chars[i].0;
        if !is_han(chars[i].1) || found.iter().any(|n| n.range.contains(&at)) {
            i += 1;
            continue;
        }
        match person_at(original, &chars, i) {
            Some(name)
                if !found
                    .iter()
                    .any(|n| n.range.start < name.range.end && name.range.start < n.range.end) =>
            {
                i = chars.partition_point(|&(b, _)| b < name.range.end);
                found.push(name);
            }
            _ => i += 1,
        }
    }
    found.sort_by_key(|n| n.range.start);
    found
}

fn established_names(original: &str) -> Vec<SourceName<'_>> {
    let mut found: Vec<SourceName> = Vec::new();
    for entry in &tables().established {
        for (at, _) in original.match_indices(entry.hanzi) {
            let range = at..at + entry.hanzi.len();
            if found
                .iter()
                .any(|n| n.range.start < range.end && range.start < n.range.end)
            {
                continue;
            }
            let (surname, given) = established_reading(entry);
            found.push(SourceName {
                hanzi: &original[range.clone()],
                range,
                surname,
                given,
                established: entry.english.clone(),
            });
        }
    }
    found
}

/// A name of the established-names list, found by its pinyin in a text without its original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstablishedPinyin {
    pub hanzi: &'static str,
    /// The accepted English forms, the first suggested.
    pub english: Vec<&'static str>,
    pub person: bool,
}

/// The established names whose English form is not their pinyin, by the letters of that pinyin
/// (lowercase, ü as v, no spaces or hyphens): a person's name both surname first and given name
/// first ("zhangjianzong", "jianzongzhang" for 张建宗, Matthew Cheung), a place's as written
/// ("xianggang" for 香港, Hong Kong). Only the common reading of each character is taken, and only
/// names that their pinyin identifies: organisations are left out (a university's stem is often a
/// place: 中山大学 and Zhongshan), and so are persons with a one-character given name (王菲 is Faye
/// Wong, but Wang Fei is a common name).
pub fn established_by_pinyin() -> &'static HashMap<String, EstablishedPinyin> {
    static TABLE: OnceLock<HashMap<String, EstablishedPinyin>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for entry in &tables().established {
            if !(entry.place || entry.person && entry.hanzi.chars().count() >= 3) {
                continue;
            }
            let (surname, readings) = established_reading(entry);
            let Some(given) = readings.first() else {
                continue;
            };
            let keys = if entry.person {
                vec![format!("{surname}{given}"), format!("{given}{surname}")]
            } else {
                vec![given.clone()]
            };
            let english: Vec<String> = entry.english.iter().map(|e| pinyin_key(e)).collect();
            for key in keys.into_iter().filter(|k| !english.contains(k)) {
                table.entry(key).or_insert_with(|| EstablishedPinyin {
                    hanzi: entry.hanzi,
                    english: entry.english.clone(),
                    person: entry.person,
                });
            }
        }
        table
    })
}

/// The letters of a name, lowercase, ü as v: the key of [`established_by_pinyin`].
pub fn pinyin_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ü' { 'v' } else { c })
        .collect()
}

/// The pinyin of an established name: a person's as surname and given name (刘德华: liu, dehua),
/// anything else as one word, with a university's name without 大学 (清华大学: qinghua), since a
/// translation writes "Qinghua University".
fn established_reading(entry: &Established) -> (String, Vec<String>) {
    let hanzi = entry.hanzi;
    let chars: Vec<char> = hanzi.chars().collect();
    if entry.person {
        for surname_len in [2, 1] {
            if chars.len() <= surname_len {
                continue;
            }
            let surname: String = chars[..surname_len].iter().collect();
            if let Some(pinyin) = lists().surname_of_hanzi(&surname) {
                return (pinyin.to_string(), readings(&chars[surname_len..]));
            }
        }
    }
    let stem = hanzi
        .strip_suffix("大学")
        .or_else(|| hanzi.strip_suffix("大學"))
        .unwrap_or(hanzi);
    (String::new(), readings(&stem.chars().collect::<Vec<_>>()))
}

/// The readings of `chars` joined, the common one first; at most 16.
fn readings(chars: &[char]) -> Vec<String> {
    let mut out = vec![String::new()];
    for &c in chars {
        let Some(multi) = c.to_pinyin_multi() else {
            return Vec::new();
        };
        let common = c.to_pinyin().map(|p| p.plain());
        let mut options: Vec<&str> = common.into_iter().collect();
        options.extend(
            multi
                .into_iter()
                .map(|p| p.plain())
                .filter(|p| Some(*p) != common),
        );
        options.truncate(4);
        out = out
            .iter()
            .flat_map(|prefix| options.iter().map(move |o| format!("{prefix}{o}")))
            .take(16)
            .collect();
    }
    out.into_iter()
        .map(|s| s.replace('ü', "v"))
        .filter(|s| !s.is_empty())
        .collect()
}

/// A person's name starting at character `i`, if a surname stands there and the context confirms
/// that a name does.
fn person_at<'o>(original: &'o str, chars: &[(usize, char)], i: usize) -> Option<SourceName<'o>> {
    let byte = |k: usize| chars.get(k).map_or(original.len(), |&(b, _)| b);
    let before = &original[..byte(i)];
    let after_role = ends_with_role(before);
    let at_boundary = after_role
        || before.chars().next_back().is_none_or(|c| {
            !is_han(c)
                || (BEFORE_NAME_CHARS.contains(c)
                    && !NOT_BEFORE_NAME.iter().any(|w| before.ends_with(w)))
        });
    if !at_boundary {
        return None;
    }
    // Compound surnames (欧阳) first, then single ones.
    for surname_len in [2, 1] {
        let Some(surname_text) = original.get(byte(i)..byte(i + surname_len)) else {
            continue;
        };
        let Some(surname) = lists().surname_of_hanzi(surname_text) else {
            continue;
        };
        for given_len in [2, 1] {
            let start = i + surname_len;
            let end = start + given_len;
            if end > chars.len()
                || !(start..end).all(|k| is_han(chars[k].1) && !NOT_GIVEN.contains(chars[k].1))
            {
                continue;
            }
            let given_text = &original[byte(start)..byte(end)];
            // 王先生说 is not 王 + 先生; 王伟说明 is not 王 + 伟说.
            let cue_inside = (start..end).any(|k| {
                let rest = &original[byte(k)..];
                starts_with_cue_after(rest) || BEFORE_ONLY.iter().any(|w| rest.starts_with(w))
            });
            if cue_inside
                || TITLES.iter().chain(BEFORE_ONLY).any(|w| *w == given_text)
                || reads_as_word(original, byte(i), byte(i + 2), given_text)
            {
                continue;
            }
            let rest = &original[byte(end)..];
            let followed = starts_with_cue_after(without_time(rest));
            let ends_clause = rest.chars().next().is_none_or(|c| !is_han(c));
            if followed || (after_role && ends_clause) {
                let chars_of_given: Vec<char> = given_text.chars().collect();
                let given = readings(&chars_of_given);
                if given.is_empty() {
                    continue;
                }
                let range = byte(i)..byte(end);
                return Some(SourceName {
                    hanzi: &original[range.clone()],
                    range,
                    surname: surname.to_string(),
                    given,
                    established: Vec::new(),
                });
            }
        }
    }
    None
}

/// Characters that are surnames but far more often a preposition, conjunction or adverb before a
/// verb (应适当补充 "should properly add", 时发布 "announced at", 向媒体强调 "stressed to the
/// media"): after one of them, a given name that is an ordinary word is that word, not a name.
const FUNCTION_SURNAMES: &str = "应應时時向于於和与與从從对對将將为為以被把由给給让讓请請也还還又更最并共及但才就都只仅僅已另其所各每该該此这這";

/// Whether a candidate name is an ordinary word: its first two characters (`start` to
/// `second_end`) form one (文章表示 "the article says", 经济, 商务部), or a function-word surname is
/// followed by a word (应适当). A compound surname (欧阳) is not in the word list.
fn reads_as_word(original: &str, start: usize, second_end: usize, given: &str) -> bool {
    let head = &original[start..second_end];
    let surname = original[start..].chars().next().unwrap_or(' ');
    let words = common_words();
    words.contains(head) || (FUNCTION_SURNAMES.contains(surname) && words.contains(given))
}

/// `rest` after a word of time that news puts between a name and its verb: 张建宗26日表示,
/// 王伟当天说.
fn without_time(rest: &str) -> &str {
    let digits = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            .len();
    if (1..=6).contains(&digits) {
        if let Some(after) = rest[digits..]
            .strip_prefix('日')
            .or_else(|| rest[digits..].strip_prefix('号'))
        {
            return after;
        }
    }
    [
        "当天", "當天", "当日", "當日", "今天", "昨天", "近日", "日前", "此前", "随后", "隨後",
    ]
    .iter()
    .find_map(|w| rest.strip_prefix(w))
    .unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(original: &str) -> Vec<String> {
        source_names(original)
            .iter()
            .map(SourceName::suggestion)
            .collect()
    }

    #[test]
    fn persons_need_a_cue() {
        assert_eq!(names("梁文锋表示，公司将继续研发。"), ["Liang Wenfeng"]);
        assert_eq!(names("記者王偉報道"), ["Wang Wei"]);
        assert_eq!(names("记者王伟报道"), ["Wang Wei"]);
        assert_eq!(names("据梁文锋介绍，"), ["Liang Wenfeng"]);
        assert_eq!(
            names("清华大学教授陈一然说"),
            ["Tsinghua University", "Chen Yiran"]
        );
        assert_eq!(names("创始人梁文锋。"), ["Liang Wenfeng"]);
        assert_eq!(names("司长王伟26日表示"), ["Wang Wei"]);
        assert_eq!(names("王伟当天说"), ["Wang Wei"]);
    }

    #[test]
    fn ordinary_words_before_a_cue_are_not_names() {
        // 文章 "article", 经济 "economy", 商务(部) "commerce", 单位 "unit" start with a surname.
        for text in [
            "文章表示，中国加大了投资。",
            "经济表示复苏。",
            "商务部指出，汇率问题超出了权限。",
            "副会长单位，仇建平说",
        ] {
            assert!(
                !names(text).iter().any(|n| n.starts_with("Wen")
                    || n.starts_with("Jing")
                    || n.starts_with("Shang")
                    || n.starts_with("Shan")),
                "{text}: {:?}",
                names(text)
            );
        }
        // A function-word surname before an ordinary word: 应适当补充 "should properly add".
        assert!(names("人群，应适当补充饮品。").is_empty());
        assert!(names("北京市气象台26日11时发布称").is_empty());
        assert!(names("冈萨雷斯向媒体强调").is_empty());
        // A given name that is also a word stays a name after a real surname: 王建国.
        assert_eq!(names("王建国表示"), ["Wang Jianguo"]);
        assert_eq!(names("仇建平说"), ["Qiu Jianping"]);
    }

    #[test]
    fn traditional_characters_are_read() {
        assert_eq!(names("梁文鋒表示"), ["Liang Wenfeng"]);
        assert_eq!(names("歐陽明表示"), ["Ouyang Ming"]);
        assert_eq!(names("香港的天氣"), ["Hong Kong"]);
    }

    #[test]
    fn compound_surnames_come_first() {
        assert_eq!(names("欧阳明表示"), ["Ouyang Ming"]);
        assert_eq!(source_names("欧阳明表示")[0].surname, "ouyang");
        assert_eq!(names("司马光说"), ["Sima Guang"]);
    }

    #[test]
    fn surnames_take_their_surname_reading() {
        assert_eq!(names("曾毓群说"), ["Zeng Yuqun"]);
        assert_eq!(names("单霁翔表示"), ["Shan Jixiang"]);
    }

    #[test]
    fn established_forms() {
        assert_eq!(names("刘德华在香港演出"), ["Andy Lau", "Hong Kong"]);
        assert_eq!(names("北京大学"), ["Peking University"]);
        assert_eq!(names("北大和清华"), ["Peking University", "Tsinghua"]);
        let lau = &source_names("刘德华")[0];
        assert_eq!(
            (lau.surname.as_str(), lau.pinyin()),
            ("liu", "Liu Dehua".to_string())
        );
        assert_eq!(source_names("清华大学")[0].pinyin(), "Qinghua");
    }

    #[test]
    fn established_names_by_their_pinyin() {
        let table = established_by_pinyin();
        let english = |key: &str| table.get(key).map(|e| e.english[0]);
        assert_eq!(english("xianggang"), Some("Hong Kong"));
        assert_eq!(english("liudehua"), Some("Andy Lau"));
        assert_eq!(english("dehualiu"), Some("Andy Lau"));
        assert_eq!(english("linzhengyuee"), Some("Carrie Lam"));
        // A one-character given name, an organisation, a pinyin that is the English form.
        assert_eq!(english("wangfei"), None);
        assert_eq!(english("qinghua"), None);
        assert_eq!(english("beijing"), None);
        assert_eq!(pinyin_key("Lü Xiu-lian"), "lvxiulian");
    }

    #[test]
    fn ordinary_words_are_not_names() {
        assert!(names("高温天气持续，马上就要下雨了。").is_empty());
        assert!(names("相关专家指出").is_empty());
        assert!(names("王先生说").is_empty());
        assert!(names("史密斯说").is_empty());
        assert!(names("记者从市教育局获悉").is_empty());
        assert!(names("他曾表示").is_empty());
        assert!(names("节目还邀请经济学教授说").is_empty());
        assert!(names("").is_empty());
    }

    #[test]
    fn given_names_keep_their_other_readings() {
        let name = &source_names("张乐说")[0];
        assert_eq!(name.given[0], "le");
        assert!(name.given.iter().any(|g| g == "yue"), "{:?}", name.given);
    }
}
