package awsjson
import ("testing";"time")
func TestTmpBF(t *testing.T){
 for _, in := range []string{"1e1500000000","1e-1500000000","1e99999999999999999999","1e2147483647", "9e400000000"} {
 st:=time.Now(); v,err:=decodeOne(in,(*Decoder).BigFloat); t.Log(in, v, err, time.Since(st)) }
}
