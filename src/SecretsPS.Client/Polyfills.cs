using System;

// netstandard2.0 lacks the types the compiler needs for init-only setters and records.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}

namespace SecretsPS.Client
{
    internal static class Guard
    {
        public static void NotNull(object? argument, string paramName)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }
}
