$version: "2"
namespace ex

@range(min: 01)
integer Small
