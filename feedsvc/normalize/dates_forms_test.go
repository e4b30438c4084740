package normalize

import (
	"testing"
	"time"
)

func TestParseDateForms(t *testing.T) {
	sh := mustLoad(t, "Asia/Shanghai")
	ny := mustLoad(t, "America/New_York")
	chicago := mustLoad(t, "America/Chicago")
	ref := time.Date(2023, 11, 15, 12, 0, 0, 0, sh) // 2023-11-15T04:00:00Z
	jan := time.Date(2024, 1, 2, 12, 0, 0, 0, sh)
	s := func(v string) *string { return &v }
	tests := []struct {
		name string
		in   string
		loc  *time.Location
		ref  time.Time
		want *string
	}{
		{"dot separators", "2023.11.15 07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"UTC after the clock", "2023-11-15 07:24 UTC", sh, ref, s("2023-11-15T07:24:00Z")},
		{"UTC with an offset", "2023-11-15 07:24 UTC+8", sh, ref, s("2023-11-14T23:24:00Z")},
		{"slashes with seconds", "2023/11/15 07:24:00", sh, ref, s("2023-11-14T23:24:00Z")},
		{"weekday in parentheses", "2023年11月15日（星期三）07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"weekday spaced", "2023年11月15日 星期三 07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"full-width digits", "２０２３－１１－１５　０７：２４", sh, ref, s("2023-11-14T23:24:00Z")},
		{"chinese time units", "2023年11月15日 7时24分", sh, ref, s("2023-11-14T23:24:00Z")},
		{"afternoon marker", "2023年11月15日 下午3:24", sh, ref, s("2023-11-15T07:24:00Z")},
		{"month-day chinese", "11月15日 07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"month-day dash", "11-15 07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"month-day previous year", "12-30 07:24", sh, jan, s("2023-12-29T23:24:00Z")},
		{"month-day within slack stays", "11-16 07:24", sh, ref, s("2023-11-15T23:24:00Z")},
		{"hours ago", "3小时前", sh, ref, s("2023-11-15T01:00:00Z")},
		{"minutes ago", "5分钟前", sh, ref, s("2023-11-15T03:55:00Z")},
		{"half hour ago", "半小时前", sh, ref, s("2023-11-15T03:30:00Z")},
		{"chinese numeral days ago", "三天前", sh, ref, s("2023-11-12T04:00:00Z")},
		{"just now", "刚刚", sh, ref, s("2023-11-15T04:00:00Z")},
		{"yesterday clock", "昨天 07:24", sh, ref, s("2023-11-13T23:24:00Z")},
		{"day before yesterday", "前天 07:24", sh, ref, s("2023-11-12T23:24:00Z")},
		{"today clock", "今天 07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"english hours ago", "3 hours ago", sh, ref, s("2023-11-15T01:00:00Z")},
		{"english an hour ago", "an hour ago", sh, ref, s("2023-11-15T03:00:00Z")},
		{"english yesterday", "yesterday", sh, ref, s("2023-11-14T04:00:00Z")},
		{"english yesterday at pm", "Yesterday at 7:24 PM", sh, ref, s("2023-11-14T11:24:00Z")},
		{"label before", "发布时间：2023-11-15 07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"text after", "2023-11-15 07:24 来源：工人日报", sh, ref, s("2023-11-14T23:24:00Z")},
		{"label and brackets", "【时间：2023年11月15日 07:24】", sh, ref, s("2023-11-14T23:24:00Z")},
		{"iso no colon offset", "2023-11-15T07:24:00+0800", sh, ref, s("2023-11-14T23:24:00Z")},
		{"iso space separator zone", "2023-11-15 07:24:00 +08:00", time.UTC, ref, s("2023-11-14T23:24:00Z")},
		{"iso fraction Z", "2023-11-14T23:24:00.999999Z", sh, ref, s("2023-11-14T23:24:00Z")},
		{"iso basic", "20231115T072400Z", sh, ref, s("2023-11-15T07:24:00Z")},
		{"iso minutes only", "2023-11-15T07:24Z", sh, ref, s("2023-11-15T07:24:00Z")},
		{"unix millis", "1700004240000", sh, ref, s("2023-11-14T23:24:00Z")},
		{"rfc822 PDT", "Wed, 15 Nov 2023 07:24:00 PDT", sh, ref, s("2023-11-15T14:24:00Z")},
		{"rfc822 -0000", "Wed, 15 Nov 2023 07:24:00 -0000", sh, ref, s("2023-11-15T07:24:00Z")},
		{"rfc822 military Z", "15 Nov 2023 07:24:00 Z", sh, ref, s("2023-11-15T07:24:00Z")},
		{"rfc822 long month", "Wednesday, 15 November 2023 07:24:00 GMT", sh, ref, s("2023-11-15T07:24:00Z")},
		{"CST on a US zone", "Wed, 15 Nov 2023 07:24:00 CST", chicago, ref, s("2023-11-15T13:24:00Z")},
		{"CST on a New York zone", "Wed, 15 Nov 2023 07:24:00 CST", ny, ref, s("2023-11-15T13:24:00Z")},
		{"CST on Taipei", "Wed, 15 Nov 2023 07:24:00 CST", mustLoad(t, "Asia/Taipei"), ref, s("2023-11-14T23:24:00Z")},
		{"zoneless in New York", "2023-11-15 07:24", ny, ref, s("2023-11-15T12:24:00Z")},
		{"ordinal day", "15th November 2023", time.UTC, ref, s("2023-11-15T00:00:00Z")},
		{"day with dot", "15. Nov. 2023 07:24", time.UTC, ref, s("2023-11-15T07:24:00Z")},
		{"rfc822 with zone comment", "Wed, 15 Nov 2023 07:24:00 +0800 (CST)", time.UTC, ref, s("2023-11-14T23:24:00Z")},
		{"two dates, first wins", "2023-11-15 07:24 更新：2023-11-16 08:00", sh, ref, s("2023-11-14T23:24:00Z")},
		{"afternoon chinese hour mark", "2023年11月15日 下午3点24分", sh, ref, s("2023-11-15T07:24:00Z")},
		{"clock only today", "07:24", sh, ref, s("2023-11-14T23:24:00Z")},
		{"clock only later means yesterday", "23:10", sh, ref, s("2023-11-14T15:10:00Z")},
		{"english month first", "November 15, 2023 7:24 PM EST", sh, ref, s("2023-11-16T00:24:00Z")},
		{"javascript date string", "Wed Nov 15 2023 07:24:00 GMT+0800 (China Standard Time)", time.UTC, ref, s("2023-11-14T23:24:00Z")},
		{"ctime", "Wed Nov 15 07:24:00 2023", time.UTC, ref, s("2023-11-15T07:24:00Z")},
		{"us slashes", "11/15/2023 07:24", time.UTC, ref, s("2023-11-15T07:24:00Z")},
		{"leap day", "2024-02-29 07:24", time.UTC, ref, s("2024-02-29T07:24:00Z")},
		{"not a leap day", "2023-02-29", time.UTC, ref, nil},
		{"month 13", "2023-13-01 07:24", time.UTC, ref, nil},
		{"hour 25", "2023-11-15 25:24", time.UTC, ref, nil},
		{"impossible month-day", "02-30 07:24", sh, ref, nil},
		{"unknown month name", "15 Foo 2023", sh, ref, nil},
		{"too old", "1901-01-01", sh, ref, nil},
		{"plain number", "12345", sh, ref, nil},
		{"bad offset", "2023-11-15T07:24:00+99:00", sh, ref, nil},
		{"day-of-month before is not relative", "截至15日前", sh, ref, nil},
		{"months ago", "2个月前", sh, ref, s("2023-09-15T04:00:00Z")},
		{"whitespace only", " \u3000 ", sh, ref, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDate(tt.in, tt.loc, tt.ref)
			checkDate(t, tt.in, got, ok, tt.want)
		})
	}
}

func TestParseDateNilLocation(t *testing.T) {
	got, ok := ParseDate("2023-11-15 07:24", nil, time.Time{})
	if want := "2023-11-15T07:24:00Z"; !ok || got.Format(time.RFC3339) != want {
		t.Errorf("got %q (ok=%v), want %q", got.Format(time.RFC3339), ok, want)
	}
}

func TestParseDateTraditionalAndGluedText(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	taipei, _ := time.LoadLocation("Asia/Taipei")
	ref := time.Date(2024, 3, 5, 20, 0, 0, 0, sh)
	for _, tt := range []struct {
		name, in string
		loc      *time.Location
		want     string
	}{
		{"traditional clock", "2024年3月5日 14時30分", taipei, "2024-03-05T06:30:00Z"},
		{"traditional label", "發佈時間：2024/03/05 14:30", taipei, "2024-03-05T06:30:00Z"},
		{"traditional hours ago", "3小時前", sh, "2024-03-05T09:00:00Z"},
		{"weekday and afternoon", "2024年3月5日 星期二 下午2:30", sh, "2024-03-05T06:30:00Z"},
		{"capital letter glued to text is no zone", "2024-03-05 14:30 A股收盘", sh, "2024-03-05T06:30:00Z"},
		{"zone before text", "2024-03-05 14:30 Z 收盘", sh, "2024-03-05T14:30:00Z"},
		{"ctime with zone", "Tue Mar  5 14:30:00 EST 2024", sh, "2024-03-05T19:30:00Z"},
		{"dash before the time", "Tuesday, March 5, 2024 - 09:30", time.UTC, "2024-03-05T09:30:00Z"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDate(tt.in, tt.loc, ref)
			if !ok || got.Format(time.RFC3339) != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got.Format(time.RFC3339), ok, tt.want)
			}
		})
	}
}
