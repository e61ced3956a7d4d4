package privacy

import "testing"

func TestQuote(t *testing.T) {
	tests := []struct {
		val      string
		personal bool
		want     string
	}{
		{"31-02-2020", false, `"31-02-2020"`},
		{"ukendt", false, `"ukendt"`},
		{"Ukendt", false, `"Ukendt"`},
		{"ikke oplyst", false, `"ikke oplyst"`},
		{"Kirsten Bjerregaard", false, "a value that looks like a name (not shown)"},
		{"JENSEN, HANS", false, "a value that looks like a name (not shown)"},
		{"Anne-Mette K. Holm", false, "a value that looks like a name (not shown)"},
		{"Kirsten\u00a0Bjerregaard", false, "a value that looks like a name (not shown)"},
		{"010190\u20131234", false, "a CPR-shaped value"},
		{"101901234", false, "a CPR-shaped value"},
		{"P0001", true, "the value (not shown: the column holds personal data)"},
		{"12,5 timer", true, "the value (not shown: the column holds personal data)"},
		{"  2020-13-01 ", false, `"2020-13-01"`},
		{"en meget lang tekst der fortsætter langt ud over grænsen", false,
			`"en meget lang tekst der fortsætter langt…"`},
	}
	for _, tt := range tests {
		if got := Quote(tt.val, tt.personal); got != tt.want {
			t.Errorf("Quote(%q, %v) = %s; want %s", tt.val, tt.personal, got, tt.want)
		}
	}
}

func TestQuoteName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Deltagere", `"Deltagere"`},
		{"010190–1234", `"[CPR masked]"`},
		{"ark 01 01 90 1234", `"ark [CPR masked]"`},
	}
	for _, tt := range tests {
		if got := QuoteName(tt.in); got != tt.want {
			t.Errorf("QuoteName(%q) = %s; want %s", tt.in, got, tt.want)
		}
	}
}

func TestNameLikeHeader(t *testing.T) {
	for h, want := range map[string]bool{
		"Navn": true, "Fulde navn": true, "first_name": true, "CPR-nr.": true, "Konsulent": true,
		"E-mail": true, "sted": false, "startdato": false, "afslutningsårsag": false, "lønnede_timer": false,
	} {
		if got := NameLikeHeader(h); got != want {
			t.Errorf("NameLikeHeader(%q) = %v; want %v", h, got, want)
		}
	}
}
