package reports

import (
	"fmt"
	"strings"
)

// retentionMethods says how retention was estimated: which statuses end
// the programme, what competes and what is censored.
func (d *doc) retentionMethods() {
	ret, t := d.r.Retention, d.t
	if ret == nil {
		return
	}
	st := t.states()
	if len(ret.States) == 0 {
		d.para(fmt.Sprintf(st.MethodsKM, t.Status(ret.Event)))
		return
	}
	var exits []string
	for _, s := range ret.States[0].Shares[1:] {
		exits = append(exits, "»"+t.Status(s.State)+"«")
	}
	and := map[string]string{"da": " og ", "en": " and "}[t.Lang]
	list := strings.Join(exits[:len(exits)-1], ", ")
	if list != "" {
		list += and
	}
	list += exits[len(exits)-1]
	if t.Lang == "en" {
		list = strings.NewReplacer("»", "'", "«", "'").Replace(list)
	}
	d.para(fmt.Sprintf(st.Methods, capitalize(list)))
}
