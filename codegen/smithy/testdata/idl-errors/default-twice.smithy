$version: "2"
namespace ex

structure Settings {
    @default(1)
    retries: Integer = 2
}
