/* Holds a file open the way Word holds the document it shows: read and write sharing,
 * no FILE_SHARE_DELETE, so that Windows refuses to replace or rename the file.
 *
 *   hold-open.exe FILE READY RELEASE
 *
 * opens FILE, creates READY, then waits (at most 120 s) until RELEASE exists, and closes
 * FILE. Exit 0, or 1 when FILE cannot be opened. Used by .ci/windows.sh under wine.
 */
#include <windows.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: hold-open FILE READY RELEASE\n");
        return 2;
    }
    HANDLE h = CreateFileA(argv[1], GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "hold-open: cannot open %s: error %lu\n", argv[1], GetLastError());
        return 1;
    }
    HANDLE ready = CreateFileA(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                               FILE_ATTRIBUTE_NORMAL, NULL);
    if (ready != INVALID_HANDLE_VALUE)
        CloseHandle(ready);
    for (int i = 0; i < 1200; i++) {
        if (GetFileAttributesA(argv[3]) != INVALID_FILE_ATTRIBUTES)
            break;
        Sleep(100);
    }
    CloseHandle(h);
    return 0;
}
