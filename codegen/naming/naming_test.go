package naming

import "testing"

func TestEnumVariant(t *testing.T) {
	cases := []struct{ enum, member, want string }{
		{"WorkspaceImageErrorDetailCode", "SIXTY_FOUR_BIT_OS", "WorkspaceImageErrorDetailCodeSixtyFourBitOs"},
		{"Application", "Microsoft_Office_2016", "ApplicationMicrosoftOffice2016"},
		{"ClientDeviceType", "DEVICE_TYPE_OSX", "ClientDeviceTypeDeviceTypeOsx"},
		{"Region", "us-east-1", "RegionUsEast1"},
		{"X", "aB.c", "XAbC"},
	}
	for _, c := range cases {
		if got := EnumVariant(c.enum, c.member); got != c.want {
			t.Errorf("EnumVariant(%q, %q) = %q, want %q", c.enum, c.member, got, c.want)
		}
	}
}

func TestExportedAndUnexported(t *testing.T) {
	for in, want := range map[string]string{"name": "Name", "1abc": "X1abc", "a-b": "Ab", "": "X"} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Type": "type_", "Name": "name", "Range": "range_"} {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScopeClaim(t *testing.T) {
	s := NewScope("Client")
	got := []string{s.Claim("Client"), s.Claim("Foo"), s.Claim("Foo"), s.Claim("Client")}
	want := []string{"Client2", "Foo", "Foo2", "Client3"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("claims = %v, want %v", got, want)
		}
	}
}
