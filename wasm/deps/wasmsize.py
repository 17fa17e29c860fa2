# wasmsize.py FILE.wasm: section sizes and code size by origin (ICU, khabar, nlohmann, libc++,
# stemmer) and by ICU class, from the name section. Link with --profiling-funcs to keep it
# (e.g. append it to the em++ line of build/wasm/wasm/CMakeFiles/khabar_wasm.dir/link.txt).
import sys, re, collections
data=open(sys.argv[1],'rb').read()
def leb(b,i):
    r=s=0
    while True:
        x=b[i]; i+=1; r|=(x&0x7f)<<s; s+=7
        if x<0x80: return r,i
i=8; secs={}; code=None; names={}; nimports=0
while i<len(data):
    sid=data[i]; i+=1; size,i=leb(data,i); body=data[i:i+size]
    if sid==2:
        n,j=leb(body,0)
        for _ in range(n):
            l,j=leb(body,j); j+=l; l,j=leb(body,j); j+=l; kind=body[j]; j+=1
            if kind==0: nimports+=1; _,j=leb(body,j)
            elif kind==1: j+=1; fl,j=leb(body,j); _,j=leb(body,j); 
            elif kind==2: fl,j=leb(body,j); _,j=leb(body,j); 
            elif kind==3: j+=2
            elif kind==4: j+=1; _,j=leb(body,j)
    if sid==10: code=body
    if sid==0:
        l,j=leb(body,0); nm=body[j:j+l].decode(); j+=l
        secs['custom:'+nm]=size
        if nm=='name':
            while j<len(body):
                sub=body[j]; j+=1; ssz,j=leb(body,j); sb=body[j:j+ssz]; j+=ssz
                if sub==1:
                    n,k=leb(sb,0)
                    for _ in range(n):
                        idx,k=leb(sb,k); l,k=leb(sb,k); names[idx]=sb[k:k+l].decode('utf8','replace'); k+=l
    else: secs[sid]=size
    i+=size
n,j=leb(code,0); sizes=[]
for f in range(n):
    sz,j2=leb(code,j); sizes.append((sz+(j2-j), names.get(nimports+f,'?'))); j=j2+sz
print('sections',secs)
groups=collections.Counter()
for sz,nm in sizes:
    g='other'
    if 'icu_72' in nm or nm.startswith('u') and '_72' in nm: g='icu'
    if 'khabar' in nm: g='khabar'
    if 'nlohmann' in nm: g='nlohmann'
    if 'sb_stemmer' in nm or 'stem' in nm.lower() and 'khabar' not in nm: g='stemmer'
    if nm.startswith('std::') or '__2::' in nm: g = g if g!='other' else 'libc++'
    groups[g]+=sz
print(groups.most_common())
icu=collections.Counter()
for sz,nm in sizes:
    m=re.search(r'icu_72::(\w+)',nm)
    if m: icu[m.group(1)]+=sz
print(icu.most_common(45))
