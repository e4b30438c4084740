package boltstore

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// dontNeed advises the kernel that the mapped range [addr, addr+n) is not
// needed: its pages leave the process (not the page cache).
func dontNeed(addr, n uintptr) error {
	if n == 0 {
		return nil
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, n, syscall.MADV_DONTNEED); e != 0 {
		return e
	}
	return nil
}

// mappedBytes is the process's RssFile: the file pages mapped into it
// (this store's file, and the program's own), from /proc/self/status;
// 0 when unknown.
func mappedBytes() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(b, []byte("\nRssFile:"))
	if !ok {
		return 0
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	kib, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(line), []byte("kB")))), 10, 64)
	if err != nil {
		return 0
	}
	return kib << 10
}
