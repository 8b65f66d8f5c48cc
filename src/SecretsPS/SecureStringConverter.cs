using System;
using System.Runtime.InteropServices;
using System.Security;

namespace SecretsPS;

/// <summary>
/// SecureString to string and back. The unmanaged copy is zeroed before it is freed; the managed string that the
/// request needs cannot be zeroed, which is why values stay SecureString everywhere else.
/// </summary>
internal static class SecureStringConverter
{
    public static string ToPlainText(SecureString value)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToCoTaskMemUnicode(value);
            return Marshal.PtrToStringUni(pointer, value.Length);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeCoTaskMemUnicode(pointer);
            }
        }
    }

    public static SecureString FromPlainText(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
