package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	v2appstream "github.com/aws/aws-sdk-go-v2/service/appstream"
	v2lambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	v2sts "github.com/aws/aws-sdk-go-v2/service/sts"
	v2workspaces "github.com/aws/aws-sdk-go-v2/service/workspaces"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/internal/lambda"
	"github.com/eucsdk/eucsdk/sts"
	"github.com/eucsdk/eucsdk/workspaces"
)

// Implementations, in the order they run; benchmark names end in /impl=NAME
// so that benchstat can put them side by side (-col /impl).
var impls = []string{"ours", "v2", "floor"}

var (
	serverURL string
	ours      Ours
	v2        V2
	floor     *Floor
)

func TestMain(m *testing.M) {
	// Keep the run hermetic: no endpoint, region, retry or profile settings
	// from the environment or the shared files reach any client.
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "AWS_") {
			os.Unsetenv(k)
		}
	}
	os.Setenv("AWS_CONFIG_FILE", os.DevNull)
	os.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	os.Setenv("AWS_EC2_METADATA_DISABLED", "true")

	if os.Getenv(serverChildEnv) == "1" {
		serveChild()
		return
	}
	url, stop := startServer()
	ours = NewOurs(url, NewHTTPClient())
	v2 = NewV2(url, NewHTTPClient())
	floor = NewFloor(url, NewHTTPClient())
	serverURL = url
	code := m.Run()
	stop()
	os.Exit(code)
}

// serverChildEnv marks the child process that runs the server.
const serverChildEnv = "EUCSDK_BENCH_SERVER_CHILD"

// startServer starts the canned-response server. By default it runs in a
// child process (this test binary again), so that its allocations, GC and
// goroutines are not counted against the client being measured, as with a
// real service; BENCH_INPROC_SERVER=1 runs it in this process instead.
func startServer() (url string, stop func()) {
	if os.Getenv("BENCH_INPROC_SERVER") == "1" {
		s := NewServer()
		return s.URL, s.Close
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serverChildEnv+"=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		panic(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		panic(fmt.Sprintf("bench server: %v", err))
	}
	return strings.TrimSpace(line), func() {
		stdin.Close() // the child exits when its stdin closes
		cmd.Wait()
	}
}

// serveChild runs the server until stdin closes (the parent exited).
func serveChild() {
	s := NewServer()
	fmt.Println(s.URL)
	io.Copy(io.Discard, os.Stdin)
	s.Close()
	os.Exit(0)
}

// call runs one call of a case; with check set it also checks the decoded
// output against the canned response.
type call func(ctx context.Context, check bool) error

// A benchCase is one API call (or walk) done by each implementation.
type benchCase map[string]call

func mismatch(what string, got, want any) error {
	return fmt.Errorf("%s = %v, want %v", what, got, want)
}

func deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}

// --- STS GetCallerIdentity (awsQuery) ---

func checkCallerIdentity(arn, user, account string) error {
	if arn != "arn:aws:iam::123456789012:user/bench" || user != "AIDAEXAMPLEUSERID0001" || account != "123456789012" {
		return mismatch("GetCallerIdentity", arn+" "+user+" "+account, "the canned identity")
	}
	return nil
}

var getCallerIdentity = benchCase{
	"ours": func(ctx context.Context, check bool) error {
		out, err := ours.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		if err != nil || !check {
			return err
		}
		return checkCallerIdentity(deref(out.Arn), deref(out.UserId), deref(out.Account))
	},
	"v2": func(ctx context.Context, check bool) error {
		out, err := v2.STS.GetCallerIdentity(ctx, &v2sts.GetCallerIdentityInput{})
		if err != nil || !check {
			return err
		}
		return checkCallerIdentity(deref(out.Arn), deref(out.UserId), deref(out.Account))
	},
}

// --- Lambda ListFunctions (restJson1, 50 functions) ---

func checkFunctions(n int, name func(int) string, mem7 int32, env3, subnet49, layer0, arch, next string) error {
	switch {
	case n != NumFunctions:
		return mismatch("len(Functions)", n, NumFunctions)
	case name(0) != FunctionName(0) || name(49) != FunctionName(49):
		return mismatch("names", name(0)+","+name(49), FunctionName(0)+","+FunctionName(49))
	case mem7 != 512:
		return mismatch("Functions[7].MemorySize", mem7, 512)
	case env3 != "https://sqs.us-east-1.amazonaws.com/123456789012/orders-3":
		return mismatch("Functions[3].Environment.Variables[QUEUE_URL]", env3, "…/orders-3")
	case subnet49 != "subnet-0f5e4d3c2b1a00049":
		return mismatch("Functions[49].VpcConfig.SubnetIds[1]", subnet49, "subnet-0f5e4d3c2b1a00049")
	case layer0 != "arn:aws:lambda:us-east-1:123456789012:layer:common-deps:7":
		return mismatch("Functions[0].Layers[0].Arn", layer0, "…:common-deps:7")
	case arch != "arm64" || next != "bench-marker-2":
		return mismatch("Functions[0].Architectures[0], NextMarker", arch+" "+next, "arm64 bench-marker-2")
	}
	return nil
}

var listFunctions = benchCase{
	"ours": func(ctx context.Context, check bool) error {
		out, err := ours.Lambda.ListFunctions(ctx, &lambda.ListFunctionsInput{MaxItems: aws32(50)})
		if err != nil || !check {
			return err
		}
		f := out.Functions
		if len(f) != NumFunctions {
			return mismatch("len(Functions)", len(f), NumFunctions)
		}
		return checkFunctions(len(f), func(i int) string { return deref(f[i].FunctionName) }, deref(f[7].MemorySize),
			f[3].Environment.Variables["QUEUE_URL"], f[49].VpcConfig.SubnetIds[1], deref(f[0].Layers[0].Arn),
			string(f[0].Architectures[0]), deref(out.NextMarker))
	},
	"v2": func(ctx context.Context, check bool) error {
		out, err := v2.Lambda.ListFunctions(ctx, &v2lambda.ListFunctionsInput{MaxItems: aws32(50)})
		if err != nil || !check {
			return err
		}
		f := out.Functions
		if len(f) != NumFunctions {
			return mismatch("len(Functions)", len(f), NumFunctions)
		}
		return checkFunctions(len(f), func(i int) string { return deref(f[i].FunctionName) }, deref(f[7].MemorySize),
			f[3].Environment.Variables["QUEUE_URL"], f[49].VpcConfig.SubnetIds[1], deref(f[0].Layers[0].Arn),
			string(f[0].Architectures[0]), deref(out.NextMarker))
	},
}

func aws32(v int32) *int32 { return &v }

// --- DescribeImageBuilders (50 builders) ---

var builder7Created = baseTime.Add(-7 * 37 * time.Hour)

func checkBuilders(n int, name func(int) string, created7 time.Time, errs1 int, reason1, subnet0, vpce49 string) error {
	switch {
	case n != NumImageBuilders:
		return mismatch("len(ImageBuilders)", n, NumImageBuilders)
	case name(0) != ImageBuilderName(0) || name(49) != ImageBuilderName(49):
		return mismatch("names", name(0)+","+name(49), ImageBuilderName(0)+","+ImageBuilderName(49))
	case !created7.Equal(builder7Created):
		return mismatch("ImageBuilders[7].CreatedTime", created7, builder7Created)
	case errs1 != 2 || reason1 != "INTERNAL_ERROR":
		return mismatch("ImageBuilders[1] errors, reason", fmt.Sprint(errs1, reason1), "2 INTERNAL_ERROR")
	case subnet0 != "subnet-0a1b2c3d4e5f00000":
		return mismatch("ImageBuilders[0].VpcConfig.SubnetIds[0]", subnet0, "subnet-0a1b2c3d4e5f00000")
	case vpce49 != "vpce-0123456789a00049":
		return mismatch("ImageBuilders[49].AccessEndpoints[0].VpceId", vpce49, "vpce-0123456789a00049")
	}
	return nil
}

var describeImageBuilders = benchCase{
	"ours": func(ctx context.Context, check bool) error {
		out, err := ours.AppStream.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{})
		if err != nil || !check {
			return err
		}
		ib := out.ImageBuilders
		if len(ib) != NumImageBuilders {
			return mismatch("len(ImageBuilders)", len(ib), NumImageBuilders)
		}
		return checkBuilders(len(ib), func(i int) string { return deref(ib[i].Name) }, deref(ib[7].CreatedTime),
			len(ib[1].ImageBuilderErrors), string(ib[1].StateChangeReason.Code), ib[0].VpcConfig.SubnetIds[0], deref(ib[49].AccessEndpoints[0].VpceId))
	},
	"v2": func(ctx context.Context, check bool) error {
		out, err := v2.AppStream.DescribeImageBuilders(ctx, &v2appstream.DescribeImageBuildersInput{})
		if err != nil || !check {
			return err
		}
		ib := out.ImageBuilders
		if len(ib) != NumImageBuilders {
			return mismatch("len(ImageBuilders)", len(ib), NumImageBuilders)
		}
		return checkBuilders(len(ib), func(i int) string { return deref(ib[i].Name) }, deref(ib[7].CreatedTime),
			len(ib[1].ImageBuilderErrors), string(ib[1].StateChangeReason.Code), ib[0].VpcConfig.SubnetIds[0], deref(ib[49].AccessEndpoints[0].VpceId))
	},
	"floor": func(ctx context.Context, check bool) error {
		out, err := floor.DescribeImageBuilders(ctx)
		if err != nil || !check {
			return err
		}
		ib := out.ImageBuilders
		if len(ib) != NumImageBuilders {
			return mismatch("len(ImageBuilders)", len(ib), NumImageBuilders)
		}
		created := time.UnixMilli(int64(ib[7].CreatedTime*1000 + 0.5))
		return checkBuilders(len(ib), func(i int) string { return ib[i].Name }, created,
			len(ib[1].ImageBuilderErrors), ib[1].StateChangeReason.Code, ib[0].VpcConfig.SubnetIds[0], ib[49].AccessEndpoints[0].VpceId)
	},
}

// --- DescribeWorkspaceImagePermissions (100 permissions) ---

func checkPermissions(imageID string, n int, account func(int) string) error {
	switch {
	case imageID != ImageID:
		return mismatch("ImageId", imageID, ImageID)
	case n != NumPermissions:
		return mismatch("len(ImagePermissions)", n, NumPermissions)
	}
	for _, i := range []int{0, 1, 50, 99} {
		if got := account(i); got != AccountID(i) {
			return mismatch(fmt.Sprintf("ImagePermissions[%d].SharedAccountId", i), got, AccountID(i))
		}
	}
	return nil
}

var describeWorkspaceImagePermissions = benchCase{
	"ours": func(ctx context.Context, check bool) error {
		out, err := ours.WorkSpaces.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: strp(ImageID)})
		if err != nil || !check {
			return err
		}
		return checkPermissions(deref(out.ImageId), len(out.ImagePermissions), func(i int) string { return deref(out.ImagePermissions[i].SharedAccountId) })
	},
	"v2": func(ctx context.Context, check bool) error {
		out, err := v2.WorkSpaces.DescribeWorkspaceImagePermissions(ctx, &v2workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: strp(ImageID)})
		if err != nil || !check {
			return err
		}
		return checkPermissions(deref(out.ImageId), len(out.ImagePermissions), func(i int) string { return deref(out.ImagePermissions[i].SharedAccountId) })
	},
	"floor": func(ctx context.Context, check bool) error {
		out, err := floor.DescribeWorkspaceImagePermissions(ctx, ImageID)
		if err != nil || !check {
			return err
		}
		return checkPermissions(out.ImageId, len(out.ImagePermissions), func(i int) string { return out.ImagePermissions[i].SharedAccountId })
	},
}

// --- UpdateWorkspaceImagePermission (tiny request and response) ---

const sharedAccount = "210987654321"

func strp(s string) *string { return &s }
func boolp(b bool) *bool    { return &b }

var updateWorkspaceImagePermission = benchCase{
	// The server refuses the call unless the body has the ImageId,
	// AllowCopyImage and SharedAccountId, so success is the check.
	"ours": func(ctx context.Context, check bool) error {
		_, err := ours.WorkSpaces.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
			ImageId: strp(ImageID), AllowCopyImage: boolp(true), SharedAccountId: strp(sharedAccount),
		})
		return err
	},
	"v2": func(ctx context.Context, check bool) error {
		_, err := v2.WorkSpaces.UpdateWorkspaceImagePermission(ctx, &v2workspaces.UpdateWorkspaceImagePermissionInput{
			ImageId: strp(ImageID), AllowCopyImage: boolp(true), SharedAccountId: strp(sharedAccount),
		})
		return err
	},
	"floor": func(ctx context.Context, check bool) error {
		return floor.UpdateWorkspaceImagePermission(ctx, ImageID, sharedAccount, true)
	},
}

// --- DescribeImages: walk 1,000 images over 20 pages ---

// pageChecker checks a walk page by page.
type pageChecker struct {
	pages, images int
}

func (c *pageChecker) page(n int, first, last string, next bool) error {
	if n != ImagesPerPage {
		return mismatch(fmt.Sprintf("page %d: len(Images)", c.pages), n, ImagesPerPage)
	}
	if first != ImageName(c.images) || last != ImageName(c.images+n-1) {
		return mismatch(fmt.Sprintf("page %d: names", c.pages), first+".."+last, ImageName(c.images)+".."+ImageName(c.images+n-1))
	}
	c.pages++
	c.images += n
	if next != (c.pages < NumImagePages) {
		return mismatch(fmt.Sprintf("page %d: has NextToken", c.pages-1), next, c.pages < NumImagePages)
	}
	return nil
}

func (c *pageChecker) done() error {
	if c.pages != NumImagePages || c.images != NumImages {
		return mismatch("pages, images", fmt.Sprint(c.pages, c.images), fmt.Sprint(NumImagePages, NumImages))
	}
	return nil
}

var describeImagesWalk = benchCase{
	"ours": func(ctx context.Context, check bool) error {
		var pc pageChecker
		in := &appstream.DescribeImagesInput{}
		for {
			out, err := ours.AppStream.DescribeImages(ctx, in)
			if err != nil {
				return err
			}
			if check {
				im := out.Images
				if len(im) == 0 {
					return errors.New("empty page")
				}
				if err := pc.page(len(im), deref(im[0].Name), deref(im[len(im)-1].Name), out.NextToken != nil); err != nil {
					return err
				}
			}
			if out.NextToken == nil {
				break
			}
			in.NextToken = out.NextToken
		}
		if check {
			return pc.done()
		}
		return nil
	},
	"v2": func(ctx context.Context, check bool) error {
		var pc pageChecker
		in := &v2appstream.DescribeImagesInput{}
		for {
			out, err := v2.AppStream.DescribeImages(ctx, in)
			if err != nil {
				return err
			}
			if check {
				im := out.Images
				if len(im) == 0 {
					return errors.New("empty page")
				}
				if err := pc.page(len(im), deref(im[0].Name), deref(im[len(im)-1].Name), out.NextToken != nil); err != nil {
					return err
				}
			}
			if out.NextToken == nil {
				break
			}
			in.NextToken = out.NextToken
		}
		if check {
			return pc.done()
		}
		return nil
	},
	"floor": func(ctx context.Context, check bool) error {
		var pc pageChecker
		tok := ""
		for {
			out, err := floor.DescribeImages(ctx, tok)
			if err != nil {
				return err
			}
			if check {
				im := out.Images
				if len(im) == 0 {
					return errors.New("empty page")
				}
				if err := pc.page(len(im), im[0].Name, im[len(im)-1].Name, out.NextToken != ""); err != nil {
					return err
				}
			}
			if out.NextToken == "" {
				break
			}
			tok = out.NextToken
		}
		if check {
			return pc.done()
		}
		return nil
	},
}

// --- benchmarks ---

func run(b *testing.B, c benchCase) {
	ctx := context.Background()
	for _, impl := range impls {
		f, ok := c[impl]
		if !ok {
			continue // no floor client for this protocol
		}
		b.Run("impl="+impl, func(b *testing.B) {
			b.ReportAllocs()
			if err := f(ctx, true); err != nil { // checks the output and warms up the connection
				b.Fatal(err)
			}
			cpu0 := cpuNanos()
			for b.Loop() {
				if err := f(ctx, false); err != nil {
					b.Fatal(err)
				}
			}
			if cpu := cpuNanos() - cpu0; cpu > 0 && b.N > 0 {
				b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

func BenchmarkDescribeImageBuilders(b *testing.B) { run(b, describeImageBuilders) }

// BenchmarkGetCallerIdentity is the tiny awsQuery call: a form request and
// an XML result of three strings (no floor client: it speaks awsJson only).
func BenchmarkGetCallerIdentity(b *testing.B) { run(b, getCallerIdentity) }

// BenchmarkListFunctions is the restJson1 case: a GET with a query string
// and 50 functions of nested structures, lists and maps in the body (no
// floor client: it speaks awsJson only).
func BenchmarkListFunctions(b *testing.B) { run(b, listFunctions) }

func BenchmarkDescribeWorkspaceImagePermissions(b *testing.B) {
	run(b, describeWorkspaceImagePermissions)
}

func BenchmarkUpdateWorkspaceImagePermission(b *testing.B) { run(b, updateWorkspaceImagePermission) }

// BenchmarkDescribeImagesWalk reports the time of a whole 20-page walk per op.
func BenchmarkDescribeImagesWalk(b *testing.B) { run(b, describeImagesWalk) }

// Goroutines is how many goroutines the concurrent benchmark calls from.
const Goroutines = 64

// BenchmarkConcurrent64 calls DescribeWorkspaceImagePermissions from 64
// goroutines at once through one shared client per implementation.
func BenchmarkConcurrent64(b *testing.B) {
	ctx := context.Background()
	for _, impl := range impls {
		b.Run("impl="+impl, func(b *testing.B) {
			f := describeWorkspaceImagePermissions[impl]
			b.ReportAllocs()
			if err := f(ctx, true); err != nil {
				b.Fatal(err)
			}
			procs := runtime.GOMAXPROCS(0)
			b.SetParallelism((Goroutines + procs - 1) / procs)
			var once sync.Once
			var firstErr error
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := f(ctx, false); err != nil {
						once.Do(func() { firstErr = err })
						return
					}
				}
			})
			if firstErr != nil {
				b.Fatal(firstErr)
			}
		})
	}
}

// BenchmarkNewClient builds an AppStream and a WorkSpaces client (for the
// floor: its one client) configured as in the other benchmarks.
func BenchmarkNewClient(b *testing.B) {
	hc := NewHTTPClient()
	ctx := context.Background()
	build := map[string]func() error{
		"ours": func() error {
			c := NewOurs(serverURL, hc)
			if c.AppStream == nil || c.WorkSpaces == nil {
				return errors.New("nil client")
			}
			return nil
		},
		"v2": func() error {
			c := NewV2(serverURL, hc)
			if c.AppStream == nil || c.WorkSpaces == nil {
				return errors.New("nil client")
			}
			return nil
		},
		"floor": func() error {
			if NewFloor(serverURL, hc) == nil {
				return errors.New("nil client")
			}
			return nil
		},
	}
	// Each freshly built client must work.
	check := map[string]func() error{
		"ours": func() error {
			c := NewOurs(serverURL, hc)
			_, err := c.WorkSpaces.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
				ImageId: strp(ImageID), AllowCopyImage: boolp(true), SharedAccountId: strp(sharedAccount)})
			return err
		},
		"v2": func() error {
			c := NewV2(serverURL, hc)
			_, err := c.WorkSpaces.UpdateWorkspaceImagePermission(ctx, &v2workspaces.UpdateWorkspaceImagePermissionInput{
				ImageId: strp(ImageID), AllowCopyImage: boolp(true), SharedAccountId: strp(sharedAccount)})
			return err
		},
		"floor": func() error {
			return NewFloor(serverURL, hc).UpdateWorkspaceImagePermission(ctx, ImageID, sharedAccount, true)
		},
	}
	for _, impl := range impls {
		b.Run("impl="+impl, func(b *testing.B) {
			b.ReportAllocs()
			if err := check[impl](); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := build[impl](); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
