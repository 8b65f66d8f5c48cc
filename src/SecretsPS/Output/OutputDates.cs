using System;

namespace SecretsPS;

/// <summary>
/// Output types carry local times, like Get-Date and Get-Item do: .NET compares DateTime values by ticks without
/// looking at Kind, so a UTC date compared with (Get-Date) would be off by the UTC offset.
/// </summary>
internal static class OutputDates
{
    public static DateTime? Local(DateTime? value)
    {
        if (value is not { } date)
        {
            return null;
        }

        return date.Kind switch
        {
            DateTimeKind.Local => date,
            DateTimeKind.Utc => date.ToLocalTime(),
            _ => DateTime.SpecifyKind(date, DateTimeKind.Utc).ToLocalTime(),
        };
    }
}
