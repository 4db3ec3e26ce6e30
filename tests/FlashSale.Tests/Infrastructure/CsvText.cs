using System.Text;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// CSV read as a spreadsheet reads it (RFC 4180): a field that starts with a quote runs to its
/// closing quote, <c>""</c> inside it is one quote, and anything after the closing quote is kept;
/// a quote anywhere else is a plain character. The separators are the reader's choice, as in a
/// spreadsheet's import dialog, where a locale may split on <c>;</c> or on both.
/// </summary>
public static class CsvText
{
    public static List<List<string>> Parse(string text, params char[] separators)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var (quoted, fieldStarted) = (false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && !fieldStarted)
            {
                (quoted, fieldStarted) = (true, true);
            }
            else if (separators.Contains(c) || c == '\n')
            {
                row.Add(field.ToString());
                (field, fieldStarted) = (new StringBuilder(), false);
                if (c == '\n')
                {
                    rows.Add(row);
                    row = [];
                }
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }

        if (fieldStarted || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
