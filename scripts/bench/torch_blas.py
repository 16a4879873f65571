"""Which BLAS torch runs on: shared by torch_train.py and torch_matmul.py."""
import ctypes


def loaded_blas():
    """openblas_get_config() of the BLAS mapped into this process, or what it is instead."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1].rsplit("/", 1)[-1].lower()})
    for path in paths:
        try:
            get_config = ctypes.CDLL(path).openblas_get_config
        except (OSError, AttributeError):
            continue
        get_config.restype = ctypes.c_char_p
        return get_config().decode()
    return "reference or unknown BLAS (" + (", ".join(paths) or "none mapped") + ")"
