package boltstore

import "syscall"

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
