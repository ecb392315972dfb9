$version: "2"
metadata owner = "team-a"
metadata owner = "team-b"
namespace ex
