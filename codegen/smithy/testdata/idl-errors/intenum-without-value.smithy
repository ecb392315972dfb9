$version: "2"
namespace ex

intEnum Level {
    LOW = 1
    HIGH
}
