$version: "2"
namespace ex

use other.pkg#Name

string Name
