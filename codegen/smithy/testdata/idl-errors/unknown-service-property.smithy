$version: "2"
namespace ex

service Weather {
    versoin: "2024-01-01"
}
