/* Test-only stand-in for bcryptprimitives.dll, which Debian 12's wine 8.0 lacks.
 *
 * Rust's standard library (1.78 and later) takes its random bytes from ProcessPrng in
 * bcryptprimitives.dll, present on every supported Windows; without the DLL the .exe does
 * not start under wine ("Library bcryptprimitives.dll ... not found"). This DLL, placed
 * beside the .exe only for the test under wine and never shipped, exports ProcessPrng
 * and fills the buffer from advapi32's SystemFunction036 (RtlGenRandom), which wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
