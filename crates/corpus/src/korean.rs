//! Korean filler sentences, written for the generator, with English kernel terms mixed in as the real posts do.
//!
//! The real Korean posts are about 37% Hangul by characters: patch subjects,
//! identifiers and links stay in English. Slots are those of [`crate::english`].

pub const SENTENCES_KO: &[&str] = &[
    "{topic} 을 개선하기 위한 패치셋입니다.",
    "{ident} 의 동작을 바꿔서 불필요한 오버헤드를 줄이는 패치입니다.",
    "지난 버전에 대한 리뷰 코멘트를 반영한 {ord} 버전이군요.",
    "테스트 결과 {pct}% 정도의 성능 향상이 있었다고 합니다.",
    "아직 RFC 단계라서 메인테이너들의 의견을 기다리고 있습니다.",
    "{name} 은 이 문제가 {ident} 때문이라고 보고 있습니다.",
    "{topic} 관련 논의가 메일링 리스트에서 길게 이어지고 있군요.",
    "{ident} 를 사용하는 코드들을 정리하는 작업의 일부입니다.",
    "큰 변화는 아니지만 {topic} 작업을 위한 준비라고 볼 수 있겠습니다.",
    "메모리가 부족한 상황에서 {topic} 이 오래 걸리는 문제를 해결합니다.",
    "이 변경으로 {n} 줄 정도의 코드가 사라진다는군요.",
    "리뷰어들은 real workload 에서의 측정 결과를 요구하고 있습니다.",
    "{ident} 를 호출하는 경로가 hot path 이기 때문에 lock 을 잡지 않도록 바꿨습니다.",
    "다음 merge window 에 들어갈 수 있을지 지켜봐야겠네요.",
    "비슷한 시도가 예전에도 있었지만 그때는 mainline 에 머지되지 않았었죠.",
    "사용자 공간에서 {ident} 를 통해 설정할 수 있게 한다고 합니다.",
    "여러 architecture 에 걸친 변경이라 각 maintainer 의 ack 이 필요합니다.",
    "흥미로운 접근이네요 :)",
    "{n} core 머신에서의 benchmark 결과도 함께 올라왔습니다.",
    "기존 interface 는 그대로 두고 새로운 option 을 추가하는 방식입니다.",
    "문제를 재현하는 간단한 reproducer 도 함께 공유되었습니다.",
    "{ident2} 와의 상호작용이 복잡해서 리뷰가 쉽지 않아 보입니다.",
];

pub const RELEASE_KO_RC: &[&str] = &[
    "예정대로 {tag} 가 릴리즈 되었습니다.",
    "지난주는 조용한 한주였고, 변경사항의 양도 평소 수준이라고 합니다.",
    "절반 정도는 driver 변경이고 나머지는 architecture 와 filesystem 쪽 수정입니다.",
    "토발즈는 이번주 여행중이라 평소보다 조금 이른 시간에 릴리즈 했다는군요.",
    "별다른 문제가 없다면 몇 주 뒤에는 {cycle} 정식 버전이 나올 것 같습니다.",
    "이번 rc 는 지난 rc 보다 조금 커졌는데, 되돌려진 드라이버 변경 때문이라고 합니다.",
];
pub const RELEASE_KO_RC1: &[&str] = &[
    "2주간의 머지 윈도우가 끝나고 {cycle} 의 첫번째 rc 버전이 나왔습니다.",
    "이번 머지 윈도우는 크기 면에서 평범했고, 늦게 도착한 풀리퀘스트가 몇 있었다고 하네요.",
    "새로운 코드가 많으니 일찍부터 테스트 해달라고 토발즈가 부탁하는군요.",
];
pub const RELEASE_KO_FINAL: &[&str] = &[
    "{tag} 정식 버전이 릴리즈 되었습니다.",
    "이로써 {next} 를 위한 머지 윈도우가 시작되었습니다.",
    "마지막 주는 조용했고, 토발즈는 테스터들에게 감사를 전했습니다.",
];

/// Korean ordinals for "the Nth version".
pub const ORDINALS_KO: &[&str] = &[
    "첫번째",
    "두번째",
    "세번째",
    "네번째",
    "다섯번째",
    "여섯번째",
    "일곱번째",
    "여덟번째",
    "아홉번째",
];
