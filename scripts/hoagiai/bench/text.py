"""Vietnamese-like (and English-like) filler text: seeded, NFC, with every kind of diacritic.

The words are real Vietnamese syllables of the site's domain, so the text has
the byte weight, the diacritics and the word lengths of real pages; the
sentences mean nothing, which is fine for measuring and keeps us from
inventing claims. Real text repeats itself (frequent words, set phrases), and
that decides how well pages compress, so words are drawn with Zipf frequencies
and each page reuses a pool of phrases: a 4 KB page compresses about 3×, a
30 KB one about 4×, as the official texts in the sources do (2.1–3.2× for
short ones, 4.1× for Luật 35, 4.4× for the commune plan).
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata

_VIETNAMESE = """
hòa giải ở cơ sở người dân thôn xã tổ viên mâu thuẫn tranh chấp gia đình hàng xóm đất đai
ranh giới lối đi nước tưới ruộng vườn nhà cửa con cháu anh chị em họ hàng tình làng nghĩa xóm
lắng nghe đặt câu hỏi làm dịu căng thẳng diễn đạt lại đề xuất phương án thống nhất thỏa thuận
biên bản sổ theo dõi kết quả thành không thành buổi bên yêu cầu trưởng ban công tác mặt trận
ủy ban nhân dân tư pháp hộ tịch công chức cán bộ bồi dưỡng tập huấn kỹ năng tài liệu bài học
mục tiêu tình huống giả định ý chính ghi chú câu trắc nghiệm đáp án giải thích tòa án công nhận
quyền nghĩa vụ tự nguyện bình đẳng khách quan công minh kịp thời bí mật đời tư tôn trọng phong
tục tập quán đạo đức xã hội pháp luật nhà nước chính sách hỗ trợ kinh phí thù lao khen thưởng
chúng tôi bà ông cụ bác chú cô dì thím mợ cháu ngoại nội già trẻ bé nhỏ lớn cao thấp dài ngắn
đường làng cổng ngõ bờ tường rào giếng ao hồ sông mương trâu bò gà vịt chó mèo lúa ngô khoai
sáng trưa chiều tối hôm nay ngày mai tuần tháng năm mùa xuân hạ thu đông mưa nắng gió bão lụt
đến đi về ở nói kể hỏi đáp viết đọc học hiểu biết nhớ quên giúp đỡ chia sẻ cảm ơn xin lỗi
được bị cần phải nên có không chưa đã sẽ đang vẫn còn rất quá lắm hơn nhất cùng với và hoặc
nhưng vì nên nếu thì khi sau trước trong ngoài giữa bên cạnh trên dưới này kia ấy đó đây
thủy lợi điện nước vệ sinh môi trường tiếng ồn khói bụi rác thải cây cối bóng mát hoa trái
"""

_ENGLISH = """
mediation mediator community village commune dispute neighbour family household land boundary
path water field garden house relatives agreement settlement record book result session party
request team leader front committee people justice officer training skill material lesson goal
scenario hypothetical key point note question answer explanation court recognition right duty
voluntary equal fair timely private respect custom practice ethics society law state policy
support funding allowance award we she he elder young small large long short road gate alley
wall fence well pond river canal buffalo cow chicken duck dog cat rice corn morning noon evening
today tomorrow week month year season rain sun wind storm flood come go return stay say tell
ask reply write read learn understand know remember help share thank apologise be have need
must should not yet already will still very more most with and or but because so if then when
after before inside outside between beside above below this that there here irrigation power
sanitation environment noise smoke dust waste tree shade flower fruit listen calm restate
propose option consent trust patience listen carefully together
"""

VIETNAMESE_WORDS = tuple(unicodedata.normalize("NFC", _VIETNAMESE).split())
ENGLISH_WORDS = tuple(_ENGLISH.split())
_SENTENCE_ENDS = (".", ".", ".", "?", "!")
PHRASES_PER_PAGE = 100
PHRASE_SHARE = 0.2  # share of a sentence's parts that are set phrases rather than words


def _by_frequency(words: tuple[str, ...], lang: str) -> tuple[list[str], list[float]]:
    """The words in a fixed random order of frequency, with Zipf cumulative weights."""
    ranked = list(words)
    random.Random(f"rank:{lang}").shuffle(ranked)
    return ranked, list(itertools.accumulate(1 / rank for rank in range(1, len(ranked) + 1)))


_VOCABULARY = {"vi": _by_frequency(VIETNAMESE_WORDS, "vi"),
               "en": _by_frequency(ENGLISH_WORDS, "en")}


class Filler:
    """Seeded filler text in one language ("vi" or "en")."""

    def __init__(self, lang: str, seed: int) -> None:
        self.words, self.weights = _VOCABULARY["vi" if lang == "vi" else "en"]
        self.random = random.Random(f"{lang}:{seed}")
        self.phrases = [self.phrase(2, 4) for _ in range(PHRASES_PER_PAGE)]

    def word(self) -> str:
        return self.random.choices(self.words, cum_weights=self.weights)[0]

    def phrase(self, low: int, high: int) -> str:
        return " ".join(self.word() for _ in range(self.random.randint(low, high)))

    def title(self, low: int = 3, high: int = 7) -> str:
        return capitalise(self.phrase(low, high))

    def sentence(self) -> str:
        parts = (
            self.random.choice(self.phrases) if self.random.random() < PHRASE_SHARE
            else self.word()
            for _ in range(self.random.randint(8, 20))
        )
        return capitalise(" ".join(parts)) + self.random.choice(_SENTENCE_ENDS)

    def paragraph(self, low: int = 2, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(low, high)))

    def description(self) -> str:
        """30–220 characters, as the page schema asks."""
        text = self.sentence()
        while len(text) < 60:
            text += " " + self.sentence()
        return text[:200].rstrip()


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    """ASCII, lowercase, hyphenated, without diacritics: "Hòa giải đất" -> "hoa-giai-dat"."""
    ascii_text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
