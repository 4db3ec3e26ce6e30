using System.Buffers;
using System.Text;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// One CSV text cell that no spreadsheet runs as a formula (OWASP, "CSV Injection"). A cell that
/// starts with = + - @ tab or CR gets a leading apostrophe, which spreadsheets show as text. So does
/// whatever follows a ';' inside it: spreadsheets in locales whose decimal mark is a comma split CSV
/// on ';', where quotes around a comma-separated cell do not hold it together, so each ';' starts a
/// cell of its own (one that starts with a quote would open a quoted cell there, so a quote counts
/// too). A cell holding , ; " CR or LF is quoted, its quotes doubled.
/// </summary>
public static class CsvCell
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> Quoted = SearchValues.Create(",;\"\r\n");

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cell = Triggers.Contains(value[0]) || value.Contains(';') ? Neutralised(value) : value;
        return cell.AsSpan().ContainsAny(Quoted) ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    private static string Neutralised(string value)
    {
        var text = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var startsCell = i == 0 || value[i - 1] == ';';
            if (startsCell && (Triggers.Contains(value[i]) || (i > 0 && value[i] == '"')))
            {
                text.Append('\'');
            }

            text.Append(value[i]);
        }

        return text.ToString();
    }
}
