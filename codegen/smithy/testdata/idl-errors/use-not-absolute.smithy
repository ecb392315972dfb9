$version: "2"
namespace ex

use String

string Name
