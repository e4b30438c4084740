package normalize

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

const (
	fpTitle = "全国总工会部署开展冬季送温暖活动"
	fpBody  = "记者从全国总工会获悉，全总日前印发通知，部署各级工会开展冬季送温暖活动。通知要求，各级工会要聚焦困难职工、" +
		"一线职工和新就业形态劳动者，走访慰问生活困难的职工家庭，帮助解决实际困难。通知强调，要用好各级财政和工会经费，" +
		"确保资金及时足额发放到职工手中，同时加强对户外劳动者驿站的建设，为环卫工人、快递员、外卖送餐员提供歇脚、取暖、饮水等服务。"
	otherTitle = "新能源汽车下乡活动在多地启动"
	otherBody  = "本报讯 新能源汽车下乡活动近日在多地启动，多家车企携数十款车型参加展销。活动期间，消费者购车可享受补贴和充电优惠，" +
		"相关部门还将加快县乡充电基础设施建设，推动农村地区新能源汽车消费。业内人士表示，农村市场潜力巨大，将成为行业增长的新动力。"
	enBody = "The city council approved a new budget on Tuesday that increases spending on public transport and road repairs, " +
		"while cutting administrative costs. Officials said the plan would be reviewed again in the spring."
)

func TestFingerprintNearDuplicates(t *testing.T) {
	fp := Fingerprint(fpTitle, fpBody)
	tests := []struct{ name, title, body string }{
		{"identical", fpTitle, fpBody},
		{"site suffix on title", fpTitle + "_中工网", fpBody},
		{"punctuation and spacing", fpTitle, strings.ReplaceAll(strings.ReplaceAll(fpBody, "，", ", "), "。", ". ")},
		{"trailing end mark", fpTitle, fpBody + "（完）"},
		{"full-width digits and html spacing", fpTitle, "\u3000\u3000" + fpBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := Distance(fp, Fingerprint(tt.title, tt.body)); d > feedsvc.DefaultNearDupDistance {
				t.Errorf("got distance %d, want at most %d", d, feedsvc.DefaultNearDupDistance)
			}
		})
	}
}

// An edited phrase is further than a near-identical copy (3-grams across
// the edit change) but stays far below unrelated texts.
func TestFingerprintEdited(t *testing.T) {
	edited := strings.Replace(fpBody, "走访慰问", "上门看望", 1)
	if d := Distance(Fingerprint(fpTitle, fpBody), Fingerprint(fpTitle, edited)); d > 8 {
		t.Errorf("got distance %d, want at most 8", d)
	}
}

func TestFingerprintUnrelated(t *testing.T) {
	fp := Fingerprint(fpTitle, fpBody)
	tests := []struct{ name, title, body string }{
		{"other chinese story", otherTitle, otherBody},
		{"english story", "Council passes budget", enBody},
		{"same title, other body", fpTitle, otherBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := Distance(fp, Fingerprint(tt.title, tt.body)); d < 10 {
				t.Errorf("got distance %d, want at least 10", d)
			}
		})
	}
}

func TestFingerprintEdges(t *testing.T) {
	if got := Fingerprint("", " ,。 "); got != 0 {
		t.Errorf("empty text: got %x, want 0", got)
	}
	if Fingerprint("ab", "") == 0 || Fingerprint("ab", "") == Fingerprint("cd", "") {
		t.Errorf("short texts: want distinct non-zero fingerprints")
	}
	if d := Distance(0, ^uint64(0)); d != 64 {
		t.Errorf("Distance: got %d, want 64", d)
	}
}
