package main

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	got := tokens("By A. Smith, 2024: 本报讯（记者 王喆）Émile's café")
	want := []string{"by", "a", "smith", "2024", "本", "报", "讯", "记", "者", "王", "喆", "émile", "s", "café"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestCompare(t *testing.T) {
	s := compare(tokens("a b b c extra"), tokens("a b c d"))
	if s != (score{hit: 3, got: 5, want: 4}) {
		t.Fatalf("compare = %+v", s)
	}
	p, r, f := s.prf()
	if p != 0.6 || r != 0.75 || f < 0.666 || f > 0.667 {
		t.Errorf("prf = %v %v %v, want 0.6 0.75 0.667", p, r, f)
	}
	if _, _, f := compare(nil, tokens("a")).prf(); f != 0 {
		t.Errorf("empty extraction F1 = %v, want 0", f)
	}
}
